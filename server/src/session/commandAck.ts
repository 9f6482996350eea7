import { sessionEventFor, succeed, type Ack, type CommandResult } from '@runde/shared';
import type { RunResult } from './commandRunner.ts';

/**
 * The ack of a participant's command: the version reached and the committed events masked for the
 * sender, exactly the copy its push carries (what it may see, never more), so the sender applies
 * its own change from the ack.
 */
export function commandAck(result: RunResult, participantId: string): Ack<CommandResult> {
  if (!result.ok) return result;
  const viewer = { participantId };
  return succeed({
    version: result.version,
    events: result.events.map(({ version, event }) => ({ version, event: sessionEventFor(event, viewer) })),
  });
}
