/** The words a polite live region says; `LiveRegion` shows them. */
export interface Announcement {
  readonly message: string;
}

/**
 * Announces what changed between one look at the screen and the next, so a screen reader hears the
 * phase, the topic or the step that moved without anyone moving focus. `read` takes the look
 * (`undefined` while there is nothing to look at: no look is kept then); `describe` compares it
 * with the last one (`undefined` on the first) and returns the words, or `undefined` to say
 * nothing new. Runs an effect, so it is called while a component initialises.
 */
export function announceChanges<T>(
  read: () => T | undefined,
  describe: (before: T | undefined, now: T) => string | undefined,
): Announcement {
  let message = $state('');
  let before: T | undefined;
  $effect(() => {
    const now = read();
    if (now === undefined) return;
    const words = describe(before, now);
    if (words !== undefined) message = words;
    before = now;
  });
  return {
    get message() {
      return message;
    },
  };
}
