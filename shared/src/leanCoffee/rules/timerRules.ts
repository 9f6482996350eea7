import { ErrorCode } from '../../protocol/errors.ts';
import type { DomainEvent } from '../events.ts';
import { discussingTopic } from '../selectors.ts';
import type { SessionState } from '../state.ts';
import { timerTransition } from '../../core/timer.ts';
import { accept, reject, requireFacilitator, type CommandOf, type DecideResult } from './results.ts';

export type TimerRuleCommand = CommandOf<
  'timer:start' | 'timer:pause' | 'timer:resume' | 'timer:add' | 'timer:reset' | 'timer:expire'
>;

/**
 * The session timer: facilitators control it; anyone (or the server) may report it due. When a
 * topic's timebox runs out during discussion, the thumbs vote opens by itself.
 */
export function decideTimer(
  state: SessionState,
  command: TimerRuleCommand,
  actorId: string | null,
  now: number,
): DecideResult {
  if (command.type !== 'timer:expire') {
    const denied =
      actorId === null
        ? reject(ErrorCode.forbidden, 'A facilitator must send this.')
        : requireFacilitator(state, actorId);
    if (denied) return denied;
  }
  const transition = timerTransition(state.timer, command, now);
  if (!transition.ok) return reject(transition.code, transition.message);
  if (!transition.next) return accept();
  const events: DomainEvent[] = [{ type: 'timer:set', ...transition.next }];
  const current = discussingTopic(state);
  if (transition.next.change === 'expire' && state.phase === 'discuss' && current && !state.thumbs) {
    events.push({ type: 'thumbs:opened', topicId: current.id });
  }
  return accept(...events);
}
