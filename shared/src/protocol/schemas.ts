import { z } from 'zod';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, limits } from './limits.ts';
import { multiLineText, singleLineText } from './userText.ts';

export const joinCodeSchema = z
  .string()
  .length(JOIN_CODE_LENGTH)
  .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`));

/** Server-generated ids: short, URL-safe, never user-chosen. */
export const idSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/);

export const displayNameSchema = singleLineText(limits.displayName);
export const sessionTitleSchema = singleLineText(limits.sessionTitle);
export const topicTitleSchema = singleLineText(limits.topicTitle);
export const topicDescriptionSchema = multiLineText(limits.topicDescription);

export const phaseSchema = z.enum(['collect', 'vote', 'discuss', 'wrapup', 'ended']);

/** How long a timer, a timebox or an extension runs, in whole minutes. */
export const timerMinutesSchema = z.number().int().min(1).max(limits.timerMinutesMax);
const minutes = timerMinutesSchema;

export const leanCoffeeSettingsSchema = z.strictObject({
  /** Dots each person may place. Seattle's rule is 2; 3 is the common default. */
  votesPerPerson: z.number().int().min(1).max(limits.votesPerPersonMax),
  /** Whether one person may put several dots on the same topic. */
  allowStacking: z.boolean(),
  /** When on, nobody but the author learns who proposed a topic. */
  anonymousTopics: z.boolean(),
  /** When on, tallies stay hidden until a facilitator reveals them. */
  hiddenVoting: z.boolean(),
  /** How many topics one person may propose; `null` for no limit. */
  topicsPerPerson: z.number().int().min(1).max(limits.topicsPerPersonMax).nullable(),
  /** The first timebox of every topic. */
  timeboxMinutes: minutes,
  /** Each extension in turn after a thumbs-up; the last one repeats. */
  extensionMinutes: z.array(minutes).min(1).max(limits.extensionStepsMax),
});

export const thumbSchema = z.enum(['up', 'side', 'down']);
export const outcomeKindSchema = z.enum(['takeaway', 'action']);
/** A calendar day, as `<input type="date">` gives it. */
export const dueDateSchema = z.iso.date();
