import { z } from 'zod';
import { limits } from './limits.ts';
import {
  displayNameSchema,
  dueDateSchema,
  idSchema,
  leanCoffeeSettingsChangeSchema,
  outcomeKindSchema,
  phaseSchema,
  sessionTitleSchema,
  thumbSchema,
  topicDescriptionSchema,
  topicTitleSchema,
} from './schemas.ts';
import { singleLineText } from './userText.ts';

const empty = z.strictObject({});
const minutes = z.number().int().min(1).max(limits.timerMinutesMax);
const outcomeText = singleLineText(limits.outcomeText);
/** An action's owner: a participant, or a name typed in for someone who is not here. */
const ownerFields = {
  ownerId: idSchema.nullable().default(null),
  ownerName: singleLineText(limits.displayName, { required: false }).nullable().default(null),
  due: dueDateSchema.nullable().default(null),
};

/**
 * One schema per command a participant may send over the socket. The event name is the command
 * type; the payload is the rest. Objects are strict: unknown keys (including `__proto__`) are
 * rejected, not silently dropped.
 */
export const commandPayloadSchemas = {
  'participant:rename': z.strictObject({ name: displayNameSchema }),
  'participant:set-role': z.strictObject({
    participantId: idSchema,
    role: z.enum(['facilitator', 'participant']),
  }),
  'settings:update': z.strictObject({
    title: sessionTitleSchema.optional(),
    settings: z.optional(leanCoffeeSettingsChangeSchema),
  }),
  'phase:change': z.strictObject({ to: phaseSchema }),
  'topic:add': z.strictObject({
    title: topicTitleSchema,
    description: topicDescriptionSchema.default(''),
  }),
  'topic:edit': z.strictObject({
    topicId: idSchema,
    title: topicTitleSchema,
    description: topicDescriptionSchema.default(''),
  }),
  'topic:remove': z.strictObject({ topicId: idSchema }),
  'vote:cast': z.strictObject({ topicId: idSchema }),
  'vote:retract': z.strictObject({ topicId: idSchema }),
  'votes:reveal': empty,
  'topics:merge': z.strictObject({ sourceId: idSchema, targetId: idSchema }),
  'agenda:move': z.strictObject({
    topicId: idSchema,
    direction: z.enum(['up', 'down']),
  }),
  'agenda:reset': empty,
  'discussion:start': z.strictObject({ topicId: idSchema.optional() }),
  'discussion:extend': empty,
  'discussion:close': empty,
  'topic:skip': z.strictObject({ topicId: idSchema }),
  'topic:return': z.strictObject({ topicId: idSchema }),
  'timer:start': z.strictObject({ minutes }),
  'timer:pause': empty,
  'timer:resume': empty,
  'timer:add': z.strictObject({ minutes }),
  'timer:reset': empty,
  /** Sent by any device (or a server node) whose clock says the timer is due; the server's clock decides. */
  'timer:expire': empty,
  'thumbs:open': empty,
  'thumbs:cast': z.strictObject({ value: thumbSchema }),
  'thumbs:reveal': empty,
  'outcome:add': z.strictObject({
    topicId: idSchema,
    kind: outcomeKindSchema,
    text: outcomeText,
    ...ownerFields,
  }),
  'outcome:edit': z.strictObject({
    outcomeId: idSchema,
    text: outcomeText,
    ...ownerFields,
  }),
  'outcome:remove': z.strictObject({ outcomeId: idSchema }),
  'closing:submit': z.strictObject({
    text: singleLineText(limits.closingText),
  }),
  'closing:pass': empty,
  'roti:cast': z.strictObject({ score: z.number().int().min(1).max(5) }),
} as const;

/** The socket event names that carry participant commands. */
export type CommandType = keyof typeof commandPayloadSchemas;

/** The payload a client sends for command `T` (before defaults are applied). */
export type CommandInput<T extends CommandType> = z.input<(typeof commandPayloadSchemas)[T]>;

/** The payload of command `T` after parsing. */
export type CommandPayload<T extends CommandType> = z.output<(typeof commandPayloadSchemas)[T]>;

/** zod types an empty strict object as `Record<string, never>`, which would swallow `type`. */
type Fields<P> = string extends keyof P ? object : P;

/** A parsed participant command, discriminated by `type`. */
export type ParticipantCommand = {
  [T in CommandType]: { type: T } & Fields<CommandPayload<T>>;
}[CommandType];

/** Commands only the server itself issues (joining through HTTP, presence from socket lifecycles). */
export type SystemCommand =
  | {
      type: 'participant:join';
      name: string;
      role: 'facilitator' | 'participant';
    }
  | { type: 'participant:presence'; participantId: string; online: boolean }
  /** The facilitator link was used: the seat it grants (the link's own, or the opening device's seat) facilitates. */
  | { type: 'participant:reinstate-facilitator'; participantId: string }
  | { type: 'timer:expire' };

export type Command = ParticipantCommand | SystemCommand;

export function isCommandType(name: string): name is CommandType {
  return Object.hasOwn(commandPayloadSchemas, name);
}
