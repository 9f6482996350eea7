import type { TeamSpaceExport } from '../export/teamSpaceExport.ts';
import type { ProposalCloseDueCommand } from '../protocol/betweenMeetingsCommands.ts';
import type { SystemCommand } from '../protocol/commands.ts';
import type { LoopCommand, loopCommandPayloadSchemas } from '../protocol/loopCommands.ts';
import type { LoopEvent } from './events.ts';
import type { TeamSpaceState } from './state.ts';

/** The types a LOOP team space is made of (see `KindTypes`). */
export interface TeamSpaceTypes {
  state: TeamSpaceState;
  event: LoopEvent;
  command: LoopCommand | SystemCommand | ProposalCloseDueCommand;
  schemas: typeof loopCommandPayloadSchemas;
  export: TeamSpaceExport;
}
