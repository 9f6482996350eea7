/**
 * The moments of a vote storm, drawn from a seed: the Runde storm and its bare Socket.IO baseline
 * replay the same schedule (the same number of votes from the same seat positions at the same
 * offsets), so the two differ only in the server.
 */
import { seededRandom } from '@runde/shared/sync/testing';

/** One vote: who casts it (a position in the room's seat list), when (ms after the start), on which topic. */
export interface StormVote {
  slot: number;
  delayMs: number;
  topicIndex: number;
}

/** Every one of `slots` seats casts `votesPerPerson` votes at uniformly random moments within `seconds`. */
export function stormSchedule(options: {
  seed: number;
  slots: number;
  votesPerPerson: number;
  seconds: number;
  topics: number;
}): StormVote[] {
  const random = seededRandom(options.seed);
  const votes: StormVote[] = [];
  for (let slot = 0; slot < options.slots; slot += 1) {
    for (let v = 0; v < options.votesPerPerson; v += 1) {
      votes.push({
        slot,
        delayMs: random() * options.seconds * 1000,
        topicIndex: Math.floor(random() * options.topics),
      });
    }
  }
  return votes;
}
