import * as z from 'zod/mini';
import { limits } from './limits.ts';

/** A whole number from 1 to `max`. */
const wholeUpTo = (max: number) => z.int().check(z.minimum(1), z.maximum(max));

/**
 * The rules of each Lean Coffee setting, written with `zod/mini` so the browser can check its
 * settings form with the very schemas the server parses (`leanCoffeeSettingsSchema` is built from
 * these) at a fraction of full zod's size.
 */
export const settingsFieldSchemas = {
  /** Dots each person may place. Seattle's rule is 2; 3 is the common default. */
  votesPerPerson: wholeUpTo(limits.votesPerPersonMax),
  /** Whether one person may put several dots on the same topic. */
  allowStacking: z.boolean(),
  /** When on, nobody but the author learns who proposed a topic. */
  anonymousTopics: z.boolean(),
  /** When on, tallies stay hidden until a facilitator reveals them. */
  hiddenVoting: z.boolean(),
  /** How many topics one person may propose; `null` for no limit. */
  topicsPerPerson: z.nullable(wholeUpTo(limits.topicsPerPersonMax)),
  /** The first timebox of every topic. */
  timeboxMinutes: wholeUpTo(limits.timerMinutesMax),
  /** Each extension in turn after a thumbs-up; the last one repeats. */
  extensionMinutes: z
    .array(wholeUpTo(limits.timerMinutesMax))
    .check(z.minLength(1), z.maxLength(limits.extensionStepsMax)),
};

/** The settings whose rules `settingsFieldSchemas` states. */
export type SettingsField = keyof typeof settingsFieldSchemas;

/** Whether a value meets one setting's rule, as the server will check it. */
export function settingFits(field: SettingsField, value: unknown): boolean {
  return settingsFieldSchemas[field].safeParse(value).success;
}
