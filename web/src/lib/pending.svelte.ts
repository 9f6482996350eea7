import type { Ack, AppError } from '@runde/shared/client';

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
  error = $state<AppError | null>(null);
  #waiting = 0;

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
    this.#waiting += 1;
    this.busy = true;
    this.error = null;
    const result = await request();
    this.#waiting -= 1;
    this.busy = this.#waiting > 0;
    if (!result.ok) this.error = result.error;
    return result.ok;
  }

  clear(): void {
    this.error = null;
  }
}
