import type { z } from 'zod';
import { commandPayloadSchemas, type Command, type SystemCommand } from './commands.ts';
import { loopCommandPayloadSchemas, type LoopCommand } from './loopCommands.ts';

/**
 * Every command a participant may send over the socket, of either kind of session. Names both
 * kinds know (`participant:*`, `timer:*`) have the same schema in both (a unit test holds that),
 * so which kind the session is decides only the rules, never the payload.
 */
export const anyCommandPayloadSchemas = { ...commandPayloadSchemas, ...loopCommandPayloadSchemas } as const;

export type AnyCommandType = keyof typeof anyCommandPayloadSchemas;

export const anyCommandTypes = Object.keys(anyCommandPayloadSchemas) as AnyCommandType[];

/** The payload a client sends for command `T` (before defaults are applied). */
export type AnyCommandInput<T extends AnyCommandType> = z.input<(typeof anyCommandPayloadSchemas)[T]>;

export type AnyCommandPayload<T extends AnyCommandType> = z.output<(typeof anyCommandPayloadSchemas)[T]>;

/** A parsed command of either kind, or one the server issues itself. */
export type AnyCommand = Command | LoopCommand | SystemCommand;

export function isLeanCoffeeCommand(command: AnyCommand): command is Command {
  return Object.hasOwn(commandPayloadSchemas, command.type) || isSystemCommand(command);
}

export function isLoopCommand(command: AnyCommand): command is LoopCommand | SystemCommand {
  return Object.hasOwn(loopCommandPayloadSchemas, command.type) || isSystemCommand(command);
}

function isSystemCommand(command: AnyCommand): command is SystemCommand {
  return (
    command.type === 'participant:join' ||
    command.type === 'participant:presence' ||
    command.type === 'participant:reinstate-facilitator' ||
    command.type === 'timer:expire'
  );
}
