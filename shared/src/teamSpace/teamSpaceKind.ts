import { acceptsBySchemas, type KindDefinition } from '../core/kindDefinition.ts';
import { mayExportTeamSpace, teamSpaceExportBlocked } from '../export/exportAccess.ts';
import { parseTeamSpaceExport, teamSpaceExportFor, teamSpaceFromExport } from '../export/teamSpaceExport.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { loopCommandPayloadSchemas } from '../protocol/loopCommands.ts';
import { loopArchivedByFold } from './archive.ts';
import { decideLoop } from './decide.ts';
import { isLoopEventInCurrentShape, upgradeStoredLoopEvent, upgradeStoredTeamSpace } from './storedUpgrade.ts';
import { teamSpaceFold } from './teamSpaceFold.ts';
import type { TeamSpaceTypes } from './teamSpaceTypes.ts';
import { loopEventFor, loopViewFor } from './view.ts';

/** A LOOP team space, as the registry of kinds lists it. Server-only: it carries the command schemas (zod). */
const acceptsCommon = acceptsBySchemas<TeamSpaceTypes['command']>(loopCommandPayloadSchemas);

export const teamSpaceKind: KindDefinition<TeamSpaceTypes> = {
  ...teamSpaceFold,
  schemas: loopCommandPayloadSchemas,
  accepts: (command): command is TeamSpaceTypes['command'] =>
    acceptsCommon(command) || command.type === 'proposal:close-due',
  decide: decideLoop,
  viewFor: loopViewFor,
  eventFor: loopEventFor,
  archivedByFold: loopArchivedByFold,
  exportFor: (state, participantId, now) => {
    if (!mayExportTeamSpace(state, participantId)) {
      return { ok: false, error: { code: ErrorCode.forbidden, message: 'Only a facilitator may export.' } };
    }
    if (teamSpaceExportBlocked(state)) {
      return { ok: false, error: { code: ErrorCode.invalidState, message: 'End the meeting before exporting.' } };
    }
    return { ok: true, file: teamSpaceExportFor(state, participantId, now) };
  },
  restoreFrom: (json, now) => {
    const parsed = parseTeamSpaceExport(json, now);
    if (!parsed.ok) return parsed;
    return { ok: true, value: (code) => teamSpaceFromExport(parsed.value, code, now) };
  },
  // A member's link is the space itself: the space page asks a new device for a name.
  paths: { join: (code) => `/t/${code}`, page: (code) => `/t/${code}` },
  upgradeStoredState: upgradeStoredTeamSpace,
  upgradeStoredEvent: upgradeStoredLoopEvent,
  isEventInCurrentShape: isLoopEventInCurrentShape,
};
