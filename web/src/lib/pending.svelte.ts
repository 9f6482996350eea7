import type { Ack, AppError } from '@runde/shared/client';

/**
 * One button's request: busy while it waits for the ack, the error when it failed. Components keep
 * one per action, so a failure shows next to what the person pressed.
 */
export class Pending {
  busy = $state(false);
  error = $state<AppError | null>(null);

  /** Runs the request; resolves to whether it succeeded. Never throws: acks carry failures. */
  async run<T>(request: () => Promise<Ack<T>>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    const result = await request();
    this.busy = false;
    if (!result.ok) this.error = result.error;
    return result.ok;
  }

  clear(): void {
    this.error = null;
  }
}
