import { z } from 'zod';
import { limits } from './limits.ts';
import { displayNameSchema, dueDateSchema, idSchema, timerMinutesSchema } from './schemas.ts';
import { singleLineText } from './userText.ts';

/**
 * The parts of the command schemas every kind uses alike, so a rule about a payload (how long an
 * action's text may be, who may own it, how many minutes a timer runs) is written once.
 */

/** A command without a payload. */
export const emptyPayload = z.strictObject({});

/** An action's text: a Lean Coffee action or takeaway, a LOOP next action or project. */
export const actionTextSchema = singleLineText(limits.outcomeText);

/** An action's owner: a participant, or a name typed in for someone who is not here; and when it is due. */
export const ownerFields = {
  ownerId: idSchema.nullable().default(null),
  ownerName: singleLineText(limits.displayName, { required: false }).nullable().default(null),
  due: dueDateSchema.nullable().default(null),
};

/** The commands about people, the same in every kind of session. */
export const participantCommandSchemas = {
  'participant:rename': z.strictObject({ name: displayNameSchema }),
  'participant:set-role': z.strictObject({
    participantId: idSchema,
    role: z.enum(['facilitator', 'participant']),
  }),
} as const;

/** The commands of a session's one timer, the same in every kind of session. */
export const timerCommandSchemas = {
  'timer:start': z.strictObject({ minutes: timerMinutesSchema }),
  'timer:pause': emptyPayload,
  'timer:resume': emptyPayload,
  'timer:add': z.strictObject({ minutes: timerMinutesSchema }),
  'timer:reset': emptyPayload,
  /** Sent by any device (or a server node) whose clock says the timer is due; the server's clock decides. */
  'timer:expire': emptyPayload,
} as const;

/** zod types an empty strict object as `Record<string, never>`, which would swallow `type`. */
type Fields<P> = string extends keyof P ? object : P;

/** The parsed commands a record of payload schemas describes, discriminated by `type`. */
export type CommandsOf<S extends Readonly<Record<string, z.ZodType>>> = {
  [T in keyof S & string]: { type: T } & Fields<z.output<S[T]>>;
}[keyof S & string];
