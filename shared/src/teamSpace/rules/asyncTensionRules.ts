import { ErrorCode } from '../../protocol/errors.ts';
import { assertNever } from '../../core/assertNever.ts';
import type { LoopEvent } from '../events.ts';
import { mayAnswerAsync, mayAskAsync, mayResolveAsync } from '../betweenMeetingsPermissions.ts';
import { canAnswerAsync } from '../limits.ts';
import { applyLoopAll } from '../apply.ts';
import { findTension } from '../selectors.ts';
import type { TeamSpaceState, Tension } from '../state.ts';
import { outcomeEvents } from './outcomeEvents.ts';
import { roomSet } from './tensionRules.ts';
import {
  accept,
  forbidden,
  reject,
  type LoopCommandOf,
  type LoopDecideResult,
  type LoopRuleContext,
} from './results.ts';

export type AsyncTensionRuleCommand = LoopCommandOf<
  'tension:ask-async' | 'tension:async-answer' | 'tension:async-resolve'
>;

/**
 * Tensions that need an answer, not a meeting: the holder asks, anyone else answers on their
 * phone, and the holder resolves with the outcome a sync meeting would record.
 */
export function decideAsyncTension(
  state: TeamSpaceState,
  command: AsyncTensionRuleCommand,
  ctx: LoopRuleContext,
): LoopDecideResult {
  const tension = findTension(state, command.tensionId);
  if (!tension) return reject(ErrorCode.notFound, 'No such tension.');
  switch (command.type) {
    case 'tension:ask-async':
      if (tension.authorId !== ctx.actorId) return forbidden('Only the tension’s holder asks for answers.');
      if ((tension.async !== null) === command.async) return accept();
      if (!mayAskAsync(state, ctx.actorId, tension, command.async)) {
        return reject(
          ErrorCode.invalidState,
          'Only open tensions of the sync and governance rooms, not on the table, are asked between meetings.',
        );
      }
      return accept({
        type: 'tension:async-set',
        tensionId: tension.id,
        async: command.async ? { askedAt: ctx.now, answers: [] } : null,
      });

    case 'tension:async-answer':
      if (tension.async !== null && tension.authorId === ctx.actorId) {
        return forbidden('Others answer your tension; resolve it when you got what you needed.');
      }
      if (!mayAnswerAsync(state, ctx.actorId, tension)) {
        return reject(ErrorCode.invalidState, 'This tension is not waiting for answers.');
      }
      if (!canAnswerAsync(tension))
        return reject(ErrorCode.limitReached, 'This tension has as many answers as it may.');
      return accept({
        type: 'tension:async-answered',
        tensionId: tension.id,
        answer: { id: ctx.newId('answer'), by: ctx.actorId, kind: command.kind, text: command.text, at: ctx.now },
      });

    case 'tension:async-resolve':
      if (tension.async !== null && tension.authorId !== ctx.actorId) {
        return forbidden('Only the tension’s holder says they got what they needed.');
      }
      if (!mayResolveAsync(state, ctx.actorId, tension)) {
        return reject(ErrorCode.invalidState, 'This tension is not waiting for answers.');
      }
      return resolve(state, tension, command.outcome, ctx);

    default:
      return assertNever(command);
  }
}

/**
 * The events a sync meeting would emit for this outcome, outside any meeting, and a record for the
 * between-meetings log. 'to-governance' closes it unresolved and moves it to the governance room,
 * where it waits for a meeting (no longer asked between meetings).
 */
function resolve(
  state: TeamSpaceState,
  tension: Tension,
  input: LoopCommandOf<'tension:async-resolve'>['outcome'],
  ctx: LoopRuleContext,
): LoopDecideResult {
  const outcome = outcomeEvents(state, tension, input, null, ctx);
  if (!outcome.ok) return outcome;
  const toGovernance = input.type === 'to-governance';
  const events: LoopEvent[] = [
    ...outcome.events,
    {
      type: 'tension:closed',
      tensionId: tension.id,
      gotWhatNeeded: true,
      resolved: !toGovernance,
      at: ctx.now,
      betweenMeetings: true,
    },
  ];
  const recorded = applyLoopAll(state, events);
  const closed = findTension(recorded, tension.id) ?? tension;
  if (toGovernance)
    events.push(
      { type: 'tension:async-set', tensionId: tension.id, async: null },
      roomSet(state, closed, 'governance'),
    );
  events.push({
    type: 'between:recorded',
    record: {
      kind: 'tension-resolved',
      id: ctx.newId('record'),
      at: ctx.now,
      tensionId: tension.id,
      title: tension.title,
      outcome: closed.outcome ?? { type: 'to-governance' },
      answers: tension.async?.answers ?? [],
    },
  });
  return accept(...events);
}
