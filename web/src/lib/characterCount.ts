/** From how many characters left a screen reader hears the count: before that it would only chatter. */
export const announceFromLeft = 20;

/**
 * What a bounded field's counter shows and says. `length` counts UTF-16 units, as `maxlength`
 * does, so the counter reaches the limit exactly when the field stops taking input.
 */
export function characterCount(value: string, max: number) {
  const used = Math.min(value.length, max);
  const left = max - used;
  return { used, left, near: left <= announceFromLeft };
}
