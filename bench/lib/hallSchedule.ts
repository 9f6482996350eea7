/**
 * The votes of a hall window, drawn from a seed: every table gets the same number of votes at
 * uniformly random moments, cast by its phones in turn, so each phone casts its share. Runde's
 * hall and the bare Socket.IO baseline replay the same schedule.
 */
import { seededRandom } from '@runde/shared/sync/testing';

export interface HallScheduledVote {
  /** Position of the table in the window's table list, and of the phone at its table. */
  table: number;
  phone: number;
  delayMs: number;
  topicIndex: number;
}

export function hallVoteSchedule(options: {
  seed: number;
  tables: number;
  perTable: number;
  votesPerTablePerSecond: number;
  seconds: number;
  topics: number;
}): HallScheduledVote[] {
  const random = seededRandom(options.seed);
  const perTable = Math.round(options.votesPerTablePerSecond * options.seconds);
  const votes: HallScheduledVote[] = [];
  for (let table = 0; table < options.tables; table += 1) {
    const moments = Array.from({ length: perTable }, () => random() * options.seconds * 1000).sort((a, b) => a - b);
    for (const [k, delayMs] of moments.entries()) {
      votes.push({
        table,
        phone: (k + table) % options.perTable,
        delayMs,
        topicIndex: Math.floor(random() * options.topics),
      });
    }
  }
  return votes;
}
