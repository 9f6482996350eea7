import { z } from 'zod';
import {
  actionTextSchema,
  emptyPayload as empty,
  ownerFields,
  participantCommandSchemas,
  timerCommandSchemas,
  type CommandsOf,
} from './commandParts.ts';
import { limits } from './limits.ts';
import {
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
import type { HallLink } from '../leanCoffee/hallLink.ts';
import { accessSetSchema } from './signInProtocol.ts';

/**
 * One schema per command a participant may send over the socket. The event name is the command
 * type; the payload is the rest. Objects are strict: unknown keys (including `__proto__`) are
 * rejected, not silently dropped.
 */
export const commandPayloadSchemas = {
  ...participantCommandSchemas,
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
  ...timerCommandSchemas,
  'thumbs:open': empty,
  'thumbs:cast': z.strictObject({ value: thumbSchema }),
  'thumbs:reveal': empty,
  'outcome:add': z.strictObject({
    topicId: idSchema,
    kind: outcomeKindSchema,
    text: actionTextSchema,
    ...ownerFields,
  }),
  'outcome:edit': z.strictObject({
    outcomeId: idSchema,
    text: actionTextSchema,
    ...ownerFields,
  }),
  'outcome:remove': z.strictObject({ outcomeId: idSchema }),
  'closing:submit': z.strictObject({
    text: singleLineText(limits.closingText),
  }),
  'closing:pass': empty,
  'roti:cast': z.strictObject({ score: z.number().int().min(1).max(5) }),
  /** The facilitator marks one takeaway as the most important (`null` takes the mark off). */
  'takeaway:highlight': z.strictObject({ outcomeId: idSchema.nullable() }),
  /** At a table of a hall: anyone seated asks the organiser for help, or takes the request back. */
  'hall:help': z.strictObject({ on: z.boolean() }),
  /** A facilitator requires sign-in for this session, or opens it to the link again. */
  'access:set': accessSetSchema,
} as const;

/** The socket event names that carry participant commands. */
export type CommandType = keyof typeof commandPayloadSchemas;

/** The payload a client sends for command `T` (before defaults are applied). */
export type CommandInput<T extends CommandType> = z.input<(typeof commandPayloadSchemas)[T]>;

/** The payload of command `T` after parsing. */
export type CommandPayload<T extends CommandType> = z.output<(typeof commandPayloadSchemas)[T]>;

/** A parsed participant command, discriminated by `type`. */
export type ParticipantCommand = CommandsOf<typeof commandPayloadSchemas>;

/** Commands only the server itself issues (joining through HTTP, presence from socket lifecycles). */
export type SystemCommand =
  | {
      type: 'participant:join';
      name: string;
      role: 'facilitator' | 'participant';
      /**
       * A phone joining a table of a hall: it hosts the table (joins as facilitator) when no seat
       * but the organiser's placeholder (the first seat) facilitates yet.
       */
      hostIfFirst?: boolean;
      /** The seat is bound to a sign-in from the start (a new seat taken by signing in). */
      boundBy?: 'sign-in';
    }
  /**
   * A sign-in proved this seat: bind it, and with a facilitator group let the group decide its role
   * (`facilitates`; null when the session has no group and the role stays as it is).
   */
  | { type: 'participant:bind'; participantId: string; facilitates: boolean | null }
  | { type: 'participant:presence'; participantId: string; online: boolean }
  /** The facilitator link was used: the seat it grants (the link's own, or the opening device's seat) facilitates. */
  | { type: 'participant:reinstate-facilitator'; participantId: string }
  | { type: 'timer:expire' };

/**
 * The server's own command to a Lean Coffee that is a table of a hall: the hall's rhythm changed
 * (phase, timer, announcement, the table closed). Only Lean Coffee decides it.
 */
export interface HallRelayCommand {
  type: 'hall:relay';
  link: HallLink;
}

export type Command = ParticipantCommand | SystemCommand | HallRelayCommand;

export function isCommandType(name: string): name is CommandType {
  return Object.hasOwn(commandPayloadSchemas, name);
}
