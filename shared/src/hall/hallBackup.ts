import type { DomainError } from '../core/decision.ts';
import type { ParticipantId } from '../core/participants.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { mayOrganiseHall } from './hallPermissions.ts';
import type { HallState } from './hallState.ts';

export const HALL_BACKUP_FORMAT = 'runde-hall-backup';

/**
 * What `session:export` answers for a hall: its own state, for the record. The tables' topics and
 * takeaways are in the event's export (`hallExportFor`), which the server builds from every table.
 * Not a restorable backup: a hall is many sessions, and reopening one would need them all.
 */
export interface HallBackup {
  format: typeof HALL_BACKUP_FORMAT;
  version: 1;
  kind: 'hall';
  exportedAt: number;
  exportedBy: ParticipantId;
  hall: HallState;
}

/** The hall's backup for an organiser (the whole state: they run the event), or why not. */
export function hallBackupFor(
  state: HallState,
  participantId: ParticipantId,
  now: number,
): { ok: true; file: HallBackup } | { ok: false; error: DomainError } {
  if (!mayOrganiseHall(state, participantId)) {
    return { ok: false, error: { code: ErrorCode.forbidden, message: 'Only an organiser may export.' } };
  }
  return {
    ok: true,
    file: {
      format: HALL_BACKUP_FORMAT,
      version: 1,
      kind: 'hall',
      exportedAt: now,
      exportedBy: participantId,
      hall: state,
    },
  };
}
