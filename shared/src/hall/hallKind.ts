import type { KindDefinition, UndecidedCommand } from '../core/kindDefinition.ts';
import { acceptsBySchemas } from '../core/kindDefinition.ts';
import { hallCommandPayloadSchemas } from '../protocol/hallCommands.ts';
import { hallBackupFor } from './hallBackup.ts';
import { decideHall, isHallSystemCommand } from './decideHall.ts';
import { hallFold } from './hallFold.ts';
import type { HallTypes } from './hallTypes.ts';
import { hallEventFor, hallViewFor } from './hallView.ts';

const acceptsHallSchemas = acceptsBySchemas<HallTypes['command']>(hallCommandPayloadSchemas);

/** A hall's commands: its schemas' (a person's), the server's every kind knows, and the hall's own system commands. */
function acceptsHallCommand(command: UndecidedCommand): command is HallTypes['command'] {
  return acceptsHallSchemas(command) || isHallSystemCommand(command);
}

/** A hall of Lean Coffee tables, as the registry of kinds lists it. Server-only: it carries the command schemas (zod). */
export const hallKind: KindDefinition<HallTypes> = {
  ...hallFold,
  schemas: hallCommandPayloadSchemas,
  accepts: acceptsHallCommand,
  decide: decideHall,
  viewFor: hallViewFor,
  eventFor: hallEventFor,
  // A hall keeps everything in its live state.
  archivedByFold: () => [],
  exportFor: hallBackupFor,
  // A hall is many sessions (itself and one per table); a file of it is a record, not something to reopen.
  restoreFrom: () => ({ ok: false, problem: { reason: 'not-a-backup' } }),
  // Phones scan the hall's QR (`?t=N` on a poster) and are sent on to their table from there.
  paths: { join: (code) => `/h/${code}`, page: (code) => `/h/${code}` },
  // The first release of halls: every stored hall has today's shape.
  upgradeStoredState: (stored) => stored,
  upgradeStoredEvent: (_state, event) => event,
  isEventInCurrentShape: () => true,
};
