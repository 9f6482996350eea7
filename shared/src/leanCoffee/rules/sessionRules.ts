import { ErrorCode } from '../../protocol/errors.ts';
import { assertNever } from '../../core/assertNever.ts';
import type { DomainEvent } from '../events.ts';
import { discussingTopic } from '../selectors.ts';
import { phaseOrder, type SessionState } from '../state.ts';
import { mayChangePhase, mayUpdateSettings } from '../permissions.ts';
import { endDiscussion } from './discussionEnd.ts';
import { accept, reject, requireFacilitator, type CommandOf, type DecideResult, type RuleContext } from './results.ts';

export type SessionRuleCommand = CommandOf<'settings:update' | 'phase:change'>;

export function decideSession(state: SessionState, command: SessionRuleCommand, ctx: RuleContext): DecideResult {
  const denied = requireFacilitator(state, ctx.actorId);
  if (denied) return denied;
  switch (command.type) {
    case 'settings:update': {
      if (!mayUpdateSettings(state, ctx.actorId, command.settings)) {
        return reject(ErrorCode.settingsLocked, 'Voting rules cannot change once voting has started.');
      }
      return accept({
        type: 'settings:updated',
        title: command.title ?? state.title,
        settings: { ...state.settings, ...command.settings },
      });
    }
    case 'phase:change':
      if (!mayChangePhase(state, ctx.actorId)) {
        return reject(ErrorCode.forbidden, 'A table of a hall follows the hall’s phase.');
      }
      return changePhase(state, command.to, ctx.now);
    default:
      return assertNever(command);
  }
}

/** One step forward or back, as the facilitator moves the session. */
function changePhase(state: SessionState, to: SessionState['phase'], now: number): DecideResult {
  const step = phaseOrder.indexOf(to) - phaseOrder.indexOf(state.phase);
  if (step !== 1 && step !== -1) {
    return reject(ErrorCode.invalidTransition, `Cannot move from ${state.phase} to ${to}.`);
  }
  return accept(...phaseChangeEvents(state, to, now));
}

/**
 * The events of moving to another phase, whoever moves it (the facilitator one step at a time, a
 * hall its tables by any number of steps). Every move stops the timer and closes an open thumbs
 * vote; moving past voting reveals hidden tallies; leaving discussion takes the current topic out
 * of Discussing (to Discussed going forward, back to To discuss going back).
 */
export function phaseChangeEvents(state: SessionState, to: SessionState['phase'], now: number): DomainEvent[] {
  const from = phaseOrder.indexOf(state.phase);
  const forward = phaseOrder.indexOf(to) > from;
  const events: DomainEvent[] = [];
  if (from <= phaseOrder.indexOf('vote') && phaseOrder.indexOf(to) >= phaseOrder.indexOf('discuss')) {
    if (!state.votesRevealed) events.push({ type: 'votes:revealed', votes: state.votes });
  }
  const current = discussingTopic(state);
  if (current) {
    events.push(...endDiscussion(state, current, forward ? 'discussed' : 'open', now, null));
  } else {
    if (state.thumbs)
      events.push({
        type: 'thumbs:closed',
        topicId: state.thumbs.topicId,
        round: null,
      });
    if (state.timer.status !== 'idle')
      events.push({
        type: 'timer:set',
        timer: { status: 'idle' },
        change: 'reset',
      });
  }
  events.push({ type: 'phase:changed', phase: to });
  return events;
}
