import { commandPayloadSchemasOfAllKinds, kindCommandTypes, succeed, type KindCommandType } from '@runde/shared';
import type { CommandRunner } from '../session/commandRunner.ts';
import { defineHandler, type SocketHandler } from './defineHandler.ts';

/**
 * One handler per participant command of every kind, all the same: the rules live in the kind's
 * `decide` (the registry refuses another kind's commands), including who may do what, so the
 * socket layer only validates, runs and acknowledges.
 */
export function commandHandlers(runner: CommandRunner): Array<readonly [KindCommandType, SocketHandler]> {
  return kindCommandTypes.map((type) => {
    const handler = defineHandler(commandPayloadSchemasOfAllKinds[type], async (payload, ctx) => {
      const result = await runner.run(
        ctx.sessionId,
        { kind: 'participant', id: ctx.participantId },
        { type, ...payload },
        // Ack inside the session's queue, before the broadcast: the sender learns its version first.
        { onCommitted: ({ version }) => ctx.respond(succeed({ version })), commandId: ctx.commandId },
      );
      return result.ok ? succeed({ version: result.version }) : result;
    });
    return [type, handler] as const;
  });
}
