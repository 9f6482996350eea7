import type { z } from 'zod';
import { ErrorCode } from '../../protocol/errors.ts';
import type { syncOutcomeInputSchema } from '../../protocol/syncOutcomeSchema.ts';
import { ownerNameFor } from '../../core/participants.ts';
import type { LoopEvent } from '../events.ts';
import { canAddAction } from '../limits.ts';
import { findMember } from '../selectors.ts';
import type { SyncOutcome, TeamSpaceState, Tension } from '../state.ts';
import { accept, reject, type LoopDecideResult, type LoopRuleContext } from './results.ts';

export type SyncOutcomeInput = z.infer<typeof syncOutcomeInputSchema>;

/**
 * The events recording what a tension's holder got, the same in a sync meeting and between
 * meetings: a next action or project lands in the open actions (`meetingId` says where it came
 * from, `null`: between meetings), everything else is the outcome alone.
 */
export function outcomeEvents(
  state: TeamSpaceState,
  tension: Tension,
  input: SyncOutcomeInput,
  meetingId: string | null,
  ctx: LoopRuleContext,
): LoopDecideResult {
  if (input.type !== 'next-action' && input.type !== 'project') {
    return accept({ type: 'tension:outcome-set', tensionId: tension.id, outcome: input });
  }
  if (input.ownerId !== null && !findMember(state, input.ownerId)) {
    return reject(ErrorCode.notFound, 'No such member.');
  }
  if (!canAddAction(state))
    return reject(ErrorCode.limitReached, 'This team space has as many open actions as it may.');
  const actionId = ctx.newId('action');
  const outcome: SyncOutcome = { type: input.type, actionId };
  const events: LoopEvent[] = [
    {
      type: 'action:added',
      action: {
        id: actionId,
        kind: input.type,
        text: input.text,
        ownerId: input.ownerId,
        ownerName: ownerNameFor(state.participants, input.ownerId, input.ownerName),
        due: input.due,
        status: 'open',
        tensionId: tension.id,
        meetingId,
        createdAt: ctx.now,
      },
    },
    { type: 'tension:outcome-set', tensionId: tension.id, outcome },
  ];
  return accept(...events);
}
