/**
 * What the hall benchmark asks of a client worker, over the clients the worker holds: votes at
 * many tables at scheduled moments, when each vote reached the other phones at its table, and the
 * bytes each phone received. Spread into the worker's handler table (see clientWorker.ts).
 */
import type { BenchClient } from './benchClient.ts';
import { Histogram, type HistogramData } from './stats.ts';

/** One scheduled vote: who, when (ms after the start) and on which topic. */
export type HallVote = [participantId: string, delayMs: number, topicId: string];

/** A committed vote: its table session, the version it made, and when it was sent and acked (monotonic ms). */
export type HallSentVote = [sessionId: string, version: number, sentAt: number, ackAt: number, participantId: string];

export interface HallVotesResult {
  sent: HallSentVote[];
  errors: Record<string, number>;
  byType: Record<string, number>;
  ack: HistogramData;
}

export interface HallAppliedResult {
  /** Per vote (in the order asked), the latest arrival among the other phones here; -1 when none is here. */
  lastArrival: number[];
  /** Indexes of votes that some phone here never received. */
  incomplete: number[];
  /** Every (vote × other phone here) delay, ms. */
  perPhone: HistogramData;
  missing: number;
}

/**
 * The hall operations over `clients` (the worker's live list). A phone holds at most `dots` votes:
 * past that, its next scheduled vote retracts its oldest dot instead, so any window length works.
 */
export function hallHandlers(clients: readonly BenchClient[]) {
  /** Dots each phone holds, oldest first (kept across calls: a warm-up's dots stay cast). */
  const held = new Map<string, string[]>();
  const byParticipant = () => new Map(clients.map((c) => [c.seat.participantId, c]));

  return {
    /** Starts recording when each client here applies each version after the one it holds now. */
    hallTrack: ({ capacity }: { capacity: number }) => {
      for (const c of clients) c.arrivals = { base: c.version, times: new Float64Array(capacity).fill(Number.NaN) };
      return { clients: clients.length };
    },

    hallVotes: async ({ votes, dots, ackTimeoutMs }: { votes: HallVote[]; dots: number; ackTimeoutMs: number }) => {
      const clientOf = byParticipant();
      const result: HallVotesResult = { sent: [], errors: {}, byType: {}, ack: [] };
      const ack = new Histogram();
      const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
      await Promise.all(
        votes.map(
          ([participantId, delayMs, topicId]) =>
            new Promise<void>((resolve) => {
              const client = clientOf.get(participantId);
              if (!client) throw new Error(`no client for participant ${participantId}`);
              setTimeout(() => {
                const mine = held.get(participantId) ?? [];
                held.set(participantId, mine);
                // Booked when sent and undone when refused, so two votes of one phone in flight still count right.
                const retract = mine.length >= dots;
                const topic = retract ? (mine.shift() ?? topicId) : topicId;
                if (!retract) mine.push(topic);
                const undo = () => {
                  if (retract) mine.unshift(topic);
                  else mine.splice(mine.lastIndexOf(topic), 1);
                };
                const type = retract ? 'vote:retract' : 'vote:cast';
                count(result.byType, type);
                client.send(type, { topicId: topic }, ackTimeoutMs).then(
                  (r) => {
                    ack.add(r.ackAt - r.sentAt);
                    if (r.ack.ok) {
                      result.sent.push([client.seat.sessionId, r.ack.data.version, r.sentAt, r.ackAt, participantId]);
                    } else {
                      undo();
                      count(result.errors, r.ack.error.code);
                    }
                    resolve();
                  },
                  () => {
                    undo();
                    count(result.errors, 'timeout');
                    resolve();
                  },
                );
              }, delayMs);
            }),
        ),
      );
      result.ack = ack.toJSON();
      return result;
    },

    /**
     * For each sent vote, when the phones here at its table (the sender left out) applied its
     * version: the per-phone delays, and per vote the latest of them (the workers' answers are
     * merged by taking the latest: "until every other phone at the table had it").
     */
    hallApplied: ({
      sent,
    }: {
      sent: Array<[sessionId: string, version: number, sentAt: number, senderId: string]>;
    }) => {
      const bySession = new Map<string, BenchClient[]>();
      for (const c of clients) {
        const list = bySession.get(c.seat.sessionId) ?? [];
        list.push(c);
        bySession.set(c.seat.sessionId, list);
      }
      const perPhone = new Histogram();
      const answer: HallAppliedResult = { lastArrival: [], incomplete: [], perPhone: [], missing: 0 };
      for (const [i, [sessionId, version, sentAt, senderId]] of sent.entries()) {
        let last = -1;
        let complete = true;
        for (const c of bySession.get(sessionId) ?? []) {
          if (c.seat.participantId === senderId || !c.arrivals) continue;
          const at = c.arrivals.times[version - c.arrivals.base - 1];
          if (at === undefined || Number.isNaN(at)) {
            // Tracked after it was made (version at or below the base) is not a miss; later is.
            if (version > c.arrivals.base) {
              answer.missing += 1;
              complete = false;
            }
            continue;
          }
          perPhone.add(at - sentAt);
          last = Math.max(last, at - sentAt);
        }
        answer.lastArrival.push(last);
        if (!complete) answer.incomplete.push(i);
      }
      answer.perPhone = perPhone.toJSON();
      return answer;
    },

    /** Bytes each client here has received so far (needs `countBytes`). */
    hallBytes: (_: Record<string, never>) =>
      clients.map((c): [sessionId: string, participantId: string, bytes: number] => [
        c.seat.sessionId,
        c.seat.participantId,
        c.bytesReceived,
      ]),
  };
}
