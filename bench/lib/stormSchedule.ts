/**
 * The moments of a vote storm, drawn from a seed: the Runde storm and its bare Socket.IO baseline
 * replay the same schedule (the same number of votes from the same seat positions at the same
 * offsets), so the two differ only in the server.
 */

/** One vote: who casts it (a position in the room's seat list), when (ms after the start), on which topic. */
export interface StormVote {
  slot: number;
  delayMs: number;
  topicIndex: number;
}

/** mulberry32: a small, fast, seedable generator; the storm needs repeatable spread, not cryptography. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every one of `slots` seats casts `votesPerPerson` votes at uniformly random moments within `seconds`. */
export function stormSchedule(options: {
  seed: number;
  slots: number;
  votesPerPerson: number;
  seconds: number;
  topics: number;
}): StormVote[] {
  const random = seeded(options.seed);
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
