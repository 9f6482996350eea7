import type { HallPhase } from '../../hall/hallState.ts';
import { ErrorCode } from '../../protocol/errors.ts';
import type { DomainEvent } from '../events.ts';
import type { HallLink } from '../hallLink.ts';
import { isHighlightable, mayAskHallForHelp, mayHighlightTakeaway, sessionOpen } from '../permissions.ts';
import type { Phase, SessionState } from '../state.ts';
import { phaseChangeEvents } from './sessionRules.ts';
import { accept, reject, type CommandOf, type DecideResult, type RuleContext } from './results.ts';

/** The Lean Coffee phase a table is in while its hall is in `phase`: seating is collecting, the harvest is the wrap-up. */
export const tablePhaseOf: Readonly<Record<HallPhase, Phase>> = {
  seating: 'collect',
  collect: 'collect',
  vote: 'vote',
  discuss: 'discuss',
  harvest: 'wrapup',
  ended: 'ended',
};

const notATable = () => reject(ErrorCode.invalidState, 'This session is not a table of a hall.');

/** Whether two links show the same thing (the relay of an unchanged hall changes nothing). */
function sameLink(a: HallLink, b: HallLink): boolean {
  const shown = (l: HallLink) => [
    l.hallId,
    l.hallTitle,
    l.table,
    l.phase,
    l.timer,
    l.announcement,
    l.closed,
    l.helpSince,
  ];
  return JSON.stringify(shown(a)) === JSON.stringify(shown(b));
}

/**
 * The hall's rhythm reaches its table (the server's `hall:relay`). The table keeps its own help
 * request (the hall does not know it), and follows the hall into the phase it maps to exactly as
 * a facilitator's move would (timer stopped, thumbs closed, the current topic taken out). An ended
 * table stays ended: it only shows the hall's news.
 */
export function relayHall(state: SessionState, relayed: HallLink, now: number): DecideResult {
  if (state.hall === null) return notATable();
  if (relayed.hallId !== state.hall.hallId) return reject(ErrorCode.forbidden, 'This table belongs to another hall.');
  const link: HallLink = { ...relayed, helpSince: state.hall.helpSince };
  const events: DomainEvent[] = sameLink(link, state.hall) ? [] : [{ type: 'hall:relayed', link }];
  const to = tablePhaseOf[link.phase];
  if (sessionOpen(state) && to !== state.phase) events.push(...phaseChangeEvents(state, to, now));
  return accept(...events);
}

/** A phone at a table asks the organiser for help, or takes the request back; asking twice keeps the first time. */
export function decideHallHelp(state: SessionState, command: CommandOf<'hall:help'>, ctx: RuleContext): DecideResult {
  if (state.hall === null) return notATable();
  if (!mayAskHallForHelp(state, ctx.actorId))
    return reject(ErrorCode.forbidden, 'Only someone at this table may do this.');
  if (command.on === (state.hall.helpSince !== null)) return accept();
  return accept({ type: 'hall:help-changed', since: command.on ? ctx.now : null });
}

/** The facilitator marks one takeaway as the most important (or takes the mark off). */
export function decideHighlight(
  state: SessionState,
  command: CommandOf<'takeaway:highlight'>,
  ctx: RuleContext,
): DecideResult {
  if (!mayHighlightTakeaway(state, ctx.actorId)) return reject(ErrorCode.forbidden, 'Only a facilitator may do this.');
  const { outcomeId } = command;
  if (outcomeId !== null && !state.outcomes.some((o) => o.id === outcomeId)) {
    return reject(ErrorCode.notFound, 'No such takeaway.');
  }
  if (outcomeId !== null && !isHighlightable(state, outcomeId)) {
    return reject(ErrorCode.invalidState, 'Only a takeaway can be marked as the most important.');
  }
  return outcomeId === state.highlightId ? accept() : accept({ type: 'takeaway:highlighted', outcomeId });
}
