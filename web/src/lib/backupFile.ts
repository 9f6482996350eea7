import type { ImportProblem, SessionExport } from '@runde/shared/client';
import { t } from '$lib/i18n/i18n.svelte';
import { downloadText, isoDay } from './minutes.ts';

/** `runde-backup-team-TEAM23-2026-12-06.json`: says what it is, which session, and when it was taken. */
export function backupFileName(file: SessionExport, code: string): string {
  const kind = file.kind === 'team-space' ? 'team' : 'lean-coffee';
  return `runde-backup-${kind}-${code}-${isoDay(file.exportedAt)}.json`;
}

/** Hands the file to the browser's download. Indented: a person may open it and read it. */
export function saveBackup(file: SessionExport, code: string): void {
  downloadText(backupFileName(file, code), JSON.stringify(file, null, 1), 'application/json');
}

/** Why a file was refused, in the reader's language. */
export function importProblemText(problem: ImportProblem): string {
  switch (problem.reason) {
    case 'not-json':
      return t('backup.problems.notJson');
    case 'not-a-backup':
      return t('backup.problems.notABackup');
    case 'unsupported-version':
      return t('backup.problems.unsupportedVersion', { version: problem.version });
    case 'wrong-kind':
      return t('backup.problems.wrongKind');
    case 'too-large':
      return t('backup.problems.tooLarge');
    case 'invalid':
      return t('backup.problems.invalid', { entry: problem.path || '–' });
    case 'duplicate-id':
      return t('backup.problems.duplicateId', { entry: problem.entry });
    case 'dangling-reference':
      return t('backup.problems.danglingReference', { entry: problem.entry, target: problem.target });
    case 'date-out-of-range':
      return t('backup.problems.dateOutOfRange', { entry: problem.entry });
  }
}
