import type { backupDe } from './backup.de.ts';

/** The backup texts (English), loaded by the screens that show them (see `i18n.svelte.ts`). */
export const backupEn: typeof backupDe = {
  download: 'Download backup (JSON)',
  downloadHint:
    'The file holds everything you may read here, but no codes and no access keys. Any Runde installation can make a new team space from it.',
  leanCoffeeHint:
    'The file holds the session as you see it, but no codes and no access keys. Any Runde installation can make a new session from it.',
  preparing: 'Preparing the backup …',
  meetingRunning: 'No backup can be made while a meeting is running.',
  failed: 'The backup could not be made. Please try again.',
  restoreHeading: 'Restore from backup',
  restoreIntro:
    'A Runde backup (JSON) becomes a new team space or a new Lean Coffee with a new code. You facilitate it; the others join again with the new link.',
  restoreFile: 'Backup file (JSON)',
  restoring: 'Restoring …',
  problems: {
    notJson: 'The file is not a Runde backup: it cannot be read as JSON.',
    notABackup: 'The file is not a Runde backup.',
    unsupportedVersion: 'Version {{version}} is not supported.',
    wrongKind: 'The backup belongs to another kind of session.',
    tooLarge: 'Too large: the file exceeds the size allowed.',
    invalid: 'The backup is damaged: entry {{entry}} is not valid.',
    duplicateId: 'The backup is damaged: entry {{entry}} appears twice.',
    danglingReference: 'Entry {{entry}} refers to {{target}}, which the file does not hold.',
    dateOutOfRange: 'Entry {{entry}} has an impossible date.',
  },
};
