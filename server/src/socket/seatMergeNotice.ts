import type { Commit } from '../session/commandRunner.ts';
import { seatsMergedBy } from '../session/seatMerge.ts';
import { participantRoom, type RundeServer } from './types.ts';

/**
 * After a merge is committed (and confirmed): every socket of the seat that went, on any node (the
 * adapter relays room emits), hears `seat:ended {reason: 'merged', into}` and is closed. Its token
 * already proves `into` (repointed in the commit), so the device stores `into` and reconnects with
 * the same token. The server closes the socket, so the device cannot go on acting as the old seat.
 */
export function endMergedSeats(io: RundeServer): (commit: Commit) => void {
  return (commit) => {
    const merged = seatsMergedBy(commit.events.map(({ event }) => event));
    if (!merged) return;
    const room = participantRoom(commit.sessionId, merged.from);
    io.to(room).emit('seat:ended', { reason: 'merged', into: merged.into });
    io.in(room).disconnectSockets(true);
  };
}
