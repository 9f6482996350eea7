import * as z from 'zod/mini';
import { limits } from './limits.ts';

// The schemas a browser's forms check with, written once in zod/mini: the server's classic schemas
// embed these same objects (zod's two flavours share one core), so a form and the server cannot
// disagree on what is valid, and a browser pays for the small flavour only on the pages with forms.

/** How long a timer, a timebox or an extension runs, in whole minutes. */
export const timerMinutesSchema = z.number().check(z.int(), z.minimum(1), z.maximum(limits.timerMinutesMax));
const minutes = timerMinutesSchema;

export const leanCoffeeSettingsSchema = z.strictObject({
  /** Dots each person may place. Seattle's rule is 2; 3 is the common default. */
  votesPerPerson: z.number().check(z.int(), z.minimum(1), z.maximum(limits.votesPerPersonMax)),
  /** Whether one person may put several dots on the same topic. */
  allowStacking: z.boolean(),
  /** When on, nobody but the author learns who proposed a topic. */
  anonymousTopics: z.boolean(),
  /** When on, tallies stay hidden until a facilitator reveals them. */
  hiddenVoting: z.boolean(),
  /** How many topics one person may propose; `null` for no limit. */
  topicsPerPerson: z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(limits.topicsPerPersonMax))),
  /** The first timebox of every topic. */
  timeboxMinutes: minutes,
  /** Each extension in turn after a thumbs-up; the last one repeats. */
  extensionMinutes: z.array(minutes).check(z.minLength(1), z.maxLength(limits.extensionStepsMax)),
});

/** A settings change: any of the settings, nothing else. */
export const leanCoffeeSettingsChangeSchema = z.partial(leanCoffeeSettingsSchema);

/** A form's check: the parsed value, or the first field the schema refuses (what the form marks). */
export function checkForm<T extends z.ZodMiniType>(
  schema: T,
  value: unknown,
): { ok: true; value: z.output<T> } | { ok: false; field: PropertyKey | undefined } {
  const parsed = z.safeParse(schema, value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, field: parsed.error.issues[0]?.path[0] };
}
