import type { LoopCommand, LoopCommandType } from '../../protocol/loopCommands.ts';
import { ErrorCode } from '../../protocol/errors.ts';
import type { DomainError } from '../../leanCoffee/rules/results.ts';
import type { IdKind, ParticipantId } from '../../leanCoffee/state.ts';
import type { LoopEvent } from '../events.ts';

export type LoopDecideResult = { ok: true; events: LoopEvent[] } | { ok: false; error: DomainError };

export interface LoopRuleContext {
  actorId: ParticipantId;
  now: number;
  newId: (kind: IdKind) => string;
}

export type LoopCommandOf<T extends LoopCommandType> = Extract<LoopCommand, { type: T }>;

export const accept = (...events: LoopEvent[]): LoopDecideResult => ({ ok: true, events });

export const reject = (code: ErrorCode, message: string): LoopDecideResult => ({
  ok: false,
  error: { code, message },
});

export const notInMeeting = () => reject(ErrorCode.invalidState, 'No meeting is running.');
export const forbidden = (message: string) => reject(ErrorCode.forbidden, message);
