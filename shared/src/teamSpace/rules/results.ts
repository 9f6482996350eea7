import type { LoopCommand, LoopCommandType } from '../../protocol/loopCommands.ts';
import { ErrorCode } from '../../protocol/errors.ts';
import { refusal, type Decision, type RuleContext } from '../../core/decision.ts';
import type { LoopEvent } from '../events.ts';

export type LoopDecideResult = Decision<LoopEvent>;

/** The same context as Lean Coffee's rules get. */
export type LoopRuleContext = RuleContext;

export type LoopCommandOf<T extends LoopCommandType> = Extract<LoopCommand, { type: T }>;

export const accept = (...events: LoopEvent[]): LoopDecideResult => ({ ok: true, events });

export const reject = refusal;

export const notInMeeting = () => reject(ErrorCode.invalidState, 'No meeting is running.');
export const forbidden = (message: string) => reject(ErrorCode.forbidden, message);
