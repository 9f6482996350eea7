import { ErrorCode } from '../protocol/errors.ts';

/**
 * A session's one timer (a Lean Coffee's, a team meeting's). The server owns `endsAt`; every
 * device computes what is left from it and its own estimate of the server clock, so no device
 * drifts and a reload loses nothing.
 */
export type Timer =
  | { status: 'idle' }
  | { status: 'running'; durationMs: number; endsAt: number }
  | { status: 'paused'; durationMs: number; remainingMs: number }
  | { status: 'expired'; durationMs: number; endedAt: number };

/** Why the timer changed, so devices can announce it ("time is up") without diffing. */
export type TimerChange = 'start' | 'pause' | 'resume' | 'add' | 'reset' | 'expire' | 'extend';

/** The event every kind logs when its timer changes. */
export interface TimerSetEvent {
  type: 'timer:set';
  timer: Timer;
  change: TimerChange;
}

const minute = 60_000;

export type TimerCommand =
  | { type: 'timer:start'; minutes: number }
  | { type: 'timer:pause' }
  | { type: 'timer:resume' }
  | { type: 'timer:add'; minutes: number }
  | { type: 'timer:reset' }
  | { type: 'timer:expire' };

/** What a timer command does: a new timer (with why), nothing, or a refusal. */
export type TimerTransition =
  { ok: true; next: { timer: Timer; change: TimerChange } | null } | { ok: false; code: ErrorCode; message: string };

const to = (timer: Timer, change: TimerChange): TimerTransition => ({ ok: true, next: { timer, change } });
const unchanged: TimerTransition = { ok: true, next: null };
const refuse = (code: ErrorCode, message: string): TimerTransition => ({ ok: false, code, message });

/**
 * The rules of one timer, wherever it lives (a Lean Coffee session, a team meeting). Only the
 * server's clock decides when it is due: `timer:expire` may come from any device or server node,
 * any number of times, and turns a due timer into an expired one exactly once.
 */
export function timerTransition(timer: Timer, command: TimerCommand, now: number): TimerTransition {
  switch (command.type) {
    case 'timer:start': {
      const durationMs = command.minutes * minute;
      return to({ status: 'running', durationMs, endsAt: now + durationMs }, 'start');
    }
    case 'timer:pause':
      if (timer.status !== 'running') return refuse(ErrorCode.invalidState, 'The timer is not running.');
      if (timer.endsAt <= now) return timerTransition(timer, { type: 'timer:expire' }, now);
      return to({ status: 'paused', durationMs: timer.durationMs, remainingMs: timer.endsAt - now }, 'pause');
    case 'timer:resume':
      if (timer.status !== 'paused') return refuse(ErrorCode.invalidState, 'The timer is not paused.');
      return to({ status: 'running', durationMs: timer.durationMs, endsAt: now + timer.remainingMs }, 'resume');
    case 'timer:add': {
      const extraMs = command.minutes * minute;
      if (timer.status === 'running') {
        const endsAt = Math.max(timer.endsAt, now) + extraMs;
        return to({ status: 'running', durationMs: timer.durationMs + extraMs, endsAt }, 'add');
      }
      if (timer.status === 'paused') {
        const remainingMs = timer.remainingMs + extraMs;
        return to({ status: 'paused', durationMs: timer.durationMs + extraMs, remainingMs }, 'add');
      }
      return to({ status: 'running', durationMs: extraMs, endsAt: now + extraMs }, 'add');
    }
    case 'timer:reset':
      return timer.status === 'idle' ? unchanged : to({ status: 'idle' }, 'reset');
    case 'timer:expire':
      if (timer.status !== 'running') return unchanged;
      if (timer.endsAt > now) return refuse(ErrorCode.timerNotDue, 'The timer has not run out yet.');
      return to({ status: 'expired', durationMs: timer.durationMs, endedAt: timer.endsAt }, 'expire');
  }
}

/** Starts a timer of the given length (a timebox, an extension, a soft limit). */
export function runningTimer(minutes: number, now: number): Timer {
  const durationMs = minutes * minute;
  return { status: 'running', durationMs, endsAt: now + durationMs };
}
