import { ErrorCode, type Ack, type AppError } from '@runde/shared/client';
import { connectivity } from './connectivity.svelte.ts';

/** What `submit` resolves to: sent and applied, waiting in the outbox, or failed (the error shows). */
export type Submitted = 'done' | 'queued' | false;

/**
 * One button's request: busy while it waits for the ack, the error when it failed. Components keep
 * one per action, so a failure shows next to what the person pressed.
 *
 * A busy button is marked `aria-disabled={pending.busy}`, never `disabled`: a disabled button drops
 * the keyboard focus to the page, and the next key press would first have to find its way back.
 * So the button stays pressable, and `run` is where a press meanwhile is ignored.
 */
export class Pending {
  busy = $state(false);
  #error = $state<AppError | null>(null);
  /** `connectivity.connects` when the error came. */
  #errorAt = 0;
  #waiting = 0;

  /**
   * The last failure, if it still holds. "Not connected" does not outlive the outage: once the
   * page has connected again it is gone, and the person can simply try again.
   */
  get error(): AppError | null {
    const error = this.#error;
    if (error?.code === ErrorCode.unavailable && connectivity.connects !== this.#errorAt) return null;
    return error;
  }

  /**
   * Runs the request; resolves to whether it succeeded. Never throws: acks carry failures. While an
   * earlier request still waits, the press is ignored and resolves to false without a new error.
   */
  run<T>(request: () => Promise<Ack<T>>): Promise<boolean> {
    if (this.busy) return Promise.resolve(false);
    return this.runEvenIfBusy(request);
  }

  /**
   * Like `run`, but sends every press, for controls where the last choice must count: a rating
   * moved along with the arrow keys sends each step, and the server keeps the last one.
   */
  async runEvenIfBusy<T>(request: () => Promise<Ack<T>>): Promise<boolean> {
    return (await this.#track(request, false)) === 'done';
  }

  /**
   * For content that may wait in the outbox: `request` gets the `onQueued` to pass to `send`.
   * Resolves to 'queued' as soon as the command waits there (the control lets go, the page shows
   * it as not sent yet; a refusal on arrival is the session's to tell), else like `run` (or like
   * `runEvenIfBusy` with `evenIfBusy`).
   */
  submit<T>(
    request: (onQueued: () => void) => Promise<Ack<T>>,
    options: { evenIfBusy?: boolean } = {},
  ): Promise<Submitted> {
    if (this.busy && !options.evenIfBusy) return Promise.resolve(false);
    return this.#track(request, true);
  }

  async #track<T>(request: (onQueued: () => void) => Promise<Ack<T>>, letGo: boolean): Promise<Submitted> {
    this.#waiting += 1;
    this.busy = true;
    this.#error = null;
    let queued!: () => void;
    const queuedSignal = new Promise<'queued'>((resolve) => {
      queued = () => resolve('queued');
    });
    const answer = request(() => queued());
    const first = letGo ? await Promise.race([answer, queuedSignal]) : await answer;
    this.#waiting -= 1;
    this.busy = this.#waiting > 0;
    if (first === 'queued') return 'queued';
    if (!first.ok) {
      this.#error = first.error;
      this.#errorAt = connectivity.connects;
      return false;
    }
    return 'done';
  }

  clear(): void {
    this.#error = null;
  }
}
