import { ErrorCode } from '../../protocol/errors.ts';
import { assertNever } from '../assertNever.ts';
import type { DomainEvent } from '../events.ts';
import { discussingTopic } from '../selectors.ts';
import type { SessionState, Timer } from '../state.ts';
import { accept, reject, requireFacilitator, type CommandOf, type DecideResult } from './results.ts';

export type TimerRuleCommand = CommandOf<
  'timer:start' | 'timer:pause' | 'timer:resume' | 'timer:add' | 'timer:reset' | 'timer:expire'
>;

const minute = 60_000;

/**
 * The timer. Only the server's clock decides when it is due: `timer:expire` may come from any
 * device or server node, any number of times, and turns a due timer into an expired one once.
 */
export function decideTimer(
  state: SessionState,
  command: TimerRuleCommand,
  actorId: string | null,
  now: number,
): DecideResult {
  if (command.type === 'timer:expire') return expire(state, now);
  const denied =
    actorId === null
      ? reject(ErrorCode.forbidden, 'A facilitator must send this.')
      : requireFacilitator(state, actorId);
  if (denied) return denied;
  const timer = state.timer;
  const set = (next: Timer, change: Extract<DomainEvent, { type: 'timer:set' }>['change']) =>
    accept({ type: 'timer:set', timer: next, change });

  switch (command.type) {
    case 'timer:start': {
      const durationMs = command.minutes * minute;
      return set({ status: 'running', durationMs, endsAt: now + durationMs }, 'start');
    }
    case 'timer:pause':
      if (timer.status !== 'running') return reject(ErrorCode.invalidState, 'The timer is not running.');
      if (timer.endsAt <= now) return expire(state, now);
      return set(
        {
          status: 'paused',
          durationMs: timer.durationMs,
          remainingMs: timer.endsAt - now,
        },
        'pause',
      );
    case 'timer:resume':
      if (timer.status !== 'paused') return reject(ErrorCode.invalidState, 'The timer is not paused.');
      return set(
        {
          status: 'running',
          durationMs: timer.durationMs,
          endsAt: now + timer.remainingMs,
        },
        'resume',
      );
    case 'timer:add': {
      const extraMs = command.minutes * minute;
      if (timer.status === 'running') {
        return set(
          {
            status: 'running',
            durationMs: timer.durationMs + extraMs,
            endsAt: Math.max(timer.endsAt, now) + extraMs,
          },
          'add',
        );
      }
      if (timer.status === 'paused') {
        return set(
          {
            status: 'paused',
            durationMs: timer.durationMs + extraMs,
            remainingMs: timer.remainingMs + extraMs,
          },
          'add',
        );
      }
      return set({ status: 'running', durationMs: extraMs, endsAt: now + extraMs }, 'add');
    }
    case 'timer:reset':
      return timer.status === 'idle' ? accept() : set({ status: 'idle' }, 'reset');
    default:
      return assertNever(command);
  }
}

function expire(state: SessionState, now: number): DecideResult {
  const timer = state.timer;
  if (timer.status !== 'running') return accept();
  if (timer.endsAt > now) return reject(ErrorCode.timerNotDue, 'The timer has not run out yet.');
  const events: DomainEvent[] = [
    {
      type: 'timer:set',
      timer: {
        status: 'expired',
        durationMs: timer.durationMs,
        endedAt: timer.endsAt,
      },
      change: 'expire',
    },
  ];
  const current = discussingTopic(state);
  if (state.phase === 'discuss' && current && !state.thumbs)
    events.push({ type: 'thumbs:opened', topicId: current.id });
  return accept(...events);
}
