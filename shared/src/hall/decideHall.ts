import { assertNever } from '../core/assertNever.ts';
import type { DecideContext } from '../core/decision.ts';
import type { HallCommand } from '../protocol/hallCommands.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { hallRefuse, type HallDecision } from './hallDecision.ts';
import { decideHallPeople } from './hallPeopleRules.ts';
import { decideHallRhythm } from './hallRhythmRules.ts';
import { decideHallTables } from './hallTableRules.ts';
import type { HallState } from './hallState.ts';

/** Commands only the server sends a hall: joins and seats (HTTP), presence (sockets), table links and picks (table commits). */
const hallSystemCommandTypes = new Set<string>([
  'participant:join',
  'participant:presence',
  'participant:reinstate-facilitator',
  'hall:seat',
  'hall:move',
  'hall:link-table',
  'hall:record-pick',
]);

/** Whether only the server may send this command to a hall. */
export function isHallSystemCommand(command: { type: string }): boolean {
  return hallSystemCommandTypes.has(command.type);
}

/**
 * The rules of a hall, pure like every kind's `decide`. The server's own commands come from the
 * system actor only, a person's from a seat of this hall only; `timer:expire` from either.
 */
export function decideHall(state: HallState, command: HallCommand, ctx: DecideContext): HallDecision {
  const system = ctx.actor.kind === 'system';
  if (command.type !== 'timer:expire' && system !== isHallSystemCommand(command)) {
    return hallRefuse({
      code: ErrorCode.forbidden,
      message: system ? 'A person must send this.' : 'Only the server may do this.',
    });
  }
  const actorId = ctx.actor.kind === 'participant' ? ctx.actor.id : null;
  if (actorId !== null && !state.participants.some((p) => p.id === actorId)) {
    return hallRefuse({ code: ErrorCode.unauthorized, message: 'You are not part of this event.' });
  }
  switch (command.type) {
    case 'participant:join':
    case 'participant:presence':
    case 'participant:reinstate-facilitator':
    case 'participant:rename':
    case 'participant:set-role':
    case 'hall:seat':
    case 'hall:move':
      return decideHallPeople(state, command, ctx, actorId);
    case 'hall:phase':
    case 'hall:announce':
    case 'timer:start':
    case 'timer:pause':
    case 'timer:resume':
    case 'timer:add':
    case 'timer:reset':
    case 'timer:expire':
      return decideHallRhythm(state, command, ctx, actorId);
    case 'hall:close-table':
    case 'hall:link-table':
    case 'hall:record-pick':
    case 'hall:harvest-vote':
    case 'hall:harvest-unvote':
      return decideHallTables(state, command, actorId);
    default:
      return assertNever(command);
  }
}
