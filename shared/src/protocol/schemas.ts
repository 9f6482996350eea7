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

/** What a device calls itself in its seat's device list: short, printable, bounded. */
export const seatDeviceLabelSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^\p{Cc}\p{Cf}\p{Co}\p{Cn}]+$/u);

export const phaseSchema = z.enum(['collect', 'vote', 'discuss', 'wrapup', 'ended']);

export { leanCoffeeSettingsSchema, leanCoffeeSettingsChangeSchema, timerMinutesSchema } from './formSchemas.ts';

export const thumbSchema = z.enum(['up', 'side', 'down']);
export const outcomeKindSchema = z.enum(['takeaway', 'action']);
/** A calendar day, as `<input type="date">` gives it. */
export const dueDateSchema = z.iso.date();
