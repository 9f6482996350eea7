import type { ParticipantId } from '../core/participants.ts';
import { mayReadEvent, mayReadTension } from './privacy.ts';
import type { ProcessedTension, TeamSpaceState, Tension } from './state.ts';

/*
 * A merge gives the seat that stays everything either seat could read, and a device of either
 * seat proves the seat that stays afterwards (`from`'s devices are repointed to `into`). So a
 * facilitator who merges a seat into their own seat gains `from`'s masked content, and one who
 * merges their own seat into another gains `into`'s: either way the acting device would receive
 * what it may not see. Such a merge is refused unless the other seat holds nothing masked for
 * the actor. A merge of two seats the actor does not hold gives the actor nothing (their copy
 * stays masked as before), so it is not limited here.
 *
 * Every kind of masked content in a member's copy (`loopViewFor`, view.ts) is asked for:
 * - a private tension's content (personal room, not shareable) the actor may not read and the
 *   other seat may (its holder or a reader);
 * - a meeting record's entry of a private tension (`processed`, in past meetings and the running
 *   one) the other seat was present for and the actor was not;
 * - the author of an anonymous tension. Whose it is must stay unknown, and a refusal is itself an
 *   answer: so this asks only what the actor's own copy shows (there the author of someone
 *   else's anonymous tension is `null`), and any anonymous tension not the actor's refuses.
 * The same answer on the server's full state and on the actor's masked copy: the web shows
 * exactly what `decide` says, and the refusal tells the actor nothing their copy does not.
 */

/** Whether the other seat's copy holds something of this tension that the actor's copy does not. */
function tensionHidden(tension: Tension, actorId: ParticipantId, other: ParticipantId): boolean {
  // Asked before `authorId`, which the actor's copy does not hold for someone else's anonymous tension.
  if (tension.anonymous) return tension.authorId !== actorId;
  return !mayReadTension(tension, actorId) && (tension.authorId === other || tension.readers.includes(other));
}

function processedHidden(entry: ProcessedTension, actorId: ParticipantId, other: ParticipantId): boolean {
  return !mayReadEvent(entry.readers, actorId) && mayReadEvent(entry.readers, other);
}

/**
 * Whether merging `from` into `into` would show the acting member content masked for them now:
 * only when they hold one of the two seats (see above). Reads nothing their own copy lacks.
 */
export function mergeRevealsToActor(
  state: TeamSpaceState,
  actorId: ParticipantId,
  from: ParticipantId,
  into: ParticipantId,
): boolean {
  if (actorId !== from && actorId !== into) return false;
  const other = actorId === from ? into : from;
  const records = [...state.meetings, ...(state.meeting ? [state.meeting] : [])];
  return (
    state.tensions.some((t) => tensionHidden(t, actorId, other)) ||
    records.some((r) => r.processed.some((p) => processedHidden(p, actorId, other)))
  );
}
