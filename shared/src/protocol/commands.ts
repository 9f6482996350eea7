import { z } from 'zod';
import {
  displayNameSchema,
  idSchema,
  leanCoffeeSettingsSchema,
  phaseSchema,
  sessionTitleSchema,
  topicDescriptionSchema,
  topicTitleSchema,
} from './schemas.ts';

/**
 * One schema per command a participant may send over the socket. The event name is the command
 * type; the payload is the rest. Objects are strict: unknown keys (including `__proto__`) are
 * rejected, not silently dropped.
 */
export const commandPayloadSchemas = {
  'participant:rename': z.strictObject({ name: displayNameSchema }),
  'settings:update': z.strictObject({
    title: sessionTitleSchema.optional(),
    settings: leanCoffeeSettingsSchema.partial().strict().optional(),
  }),
  'phase:change': z.strictObject({ to: phaseSchema }),
  'topic:add': z.strictObject({ title: topicTitleSchema, description: topicDescriptionSchema.default('') }),
  'topic:edit': z.strictObject({
    topicId: idSchema,
    title: topicTitleSchema,
    description: topicDescriptionSchema.default(''),
  }),
  'topic:remove': z.strictObject({ topicId: idSchema }),
  'vote:cast': z.strictObject({ topicId: idSchema }),
  'vote:retract': z.strictObject({ topicId: idSchema }),
} as const;

/** The socket event names that carry participant commands. */
export type CommandType = keyof typeof commandPayloadSchemas;

export const commandTypes = Object.keys(commandPayloadSchemas) as CommandType[];

/** The payload a client sends for command `T` (before defaults are applied). */
export type CommandInput<T extends CommandType> = z.input<(typeof commandPayloadSchemas)[T]>;

/** The payload of command `T` after parsing. */
export type CommandPayload<T extends CommandType> = z.output<(typeof commandPayloadSchemas)[T]>;

/** A parsed participant command, discriminated by `type`. */
export type ParticipantCommand = { [T in CommandType]: { type: T } & CommandPayload<T> }[CommandType];

/** Commands only the server itself issues (joining through HTTP, presence from socket lifecycles). */
export type SystemCommand =
  | { type: 'participant:join'; name: string; role: 'facilitator' | 'participant' }
  | { type: 'participant:presence'; participantId: string; online: boolean };

export type Command = ParticipantCommand | SystemCommand;

export function isCommandType(name: string): name is CommandType {
  return Object.hasOwn(commandPayloadSchemas, name);
}
