import { commandPayloadSchemasOfAllKinds, kindCommandTypes, type KindCommandType } from '@runde/shared';
import type { CommandGuard } from '../auth/accessSetGuard.ts';
import { commandAck } from '../session/commandAck.ts';
import type { CommandRunner } from '../session/commandRunner.ts';
import { defineHandler, type SocketHandler } from './defineHandler.ts';

/**
 * One handler per participant command of every kind, all the same: the rules live in the kind's
 * `decide` (the registry refuses another kind's commands), including who may do what, so the
 * socket layer only validates, runs and acknowledges.
 */
export function commandHandlers(
  runner: CommandRunner,
  guard?: CommandGuard,
): Array<readonly [KindCommandType, SocketHandler]> {
  return kindCommandTypes.map((type) => {
    const handler = defineHandler(commandPayloadSchemasOfAllKinds[type], async (payload, ctx) => {
      const refused = guard ? await guard({ type, ...payload }, ctx) : undefined;
      if (refused) return { ok: false, error: refused } as const;
      const result = await runner.run(
        ctx.sessionId,
        { kind: 'participant', id: ctx.participantId },
        { type, ...payload },
        { commandId: ctx.commandId },
      );
      return commandAck(result, ctx.participantId);
    });
    return [type, handler] as const;
  });
}
