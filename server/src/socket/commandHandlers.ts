import {
  anyCommandPayloadSchemas,
  anyCommandTypes,
  type AnyCommand,
  type AnyCommandPayload,
  type AnyCommandType,
} from '@runde/shared';
import { commandAck } from '../session/commandAck.ts';
import type { CommandRunner } from '../session/commandRunner.ts';
import { defineHandler, type SocketHandler } from './defineHandler.ts';

/**
 * Joins an event name and its parsed payload into a command. TypeScript cannot see that the
 * payload schema was picked by the same `type`, so this one assertion states it.
 */
function toCommand<T extends AnyCommandType>(type: T, payload: AnyCommandPayload<T>): AnyCommand {
  return { type, ...payload } as AnyCommand;
}

/**
 * One handler per participant command, all the same: the rules live in `decideAny` (which also refuses the other kind's commands), including who
 * may do what, so the socket layer only validates, runs and acknowledges.
 */
export function commandHandlers(runner: CommandRunner): Record<AnyCommandType, SocketHandler> {
  const entries = anyCommandTypes.map((type) => {
    const handler = defineHandler(anyCommandPayloadSchemas[type], async (payload, ctx) => {
      const result = await runner.run(
        ctx.sessionId,
        { kind: 'participant', id: ctx.participantId },
        toCommand(type, payload as AnyCommandPayload<typeof type>),
        { commandId: ctx.commandId },
      );
      return commandAck(result, ctx.participantId);
    });
    return [type, handler] as const;
  });
  return Object.fromEntries(entries) as Record<AnyCommandType, SocketHandler>;
}
