/**
 * The organiser's laptop in the hall benchmark: a client of the HALL session (the organiser's
 * seat) that notes when each table's summary arrives in a `hall:overview` push and which table
 * version it reflects, so a table commit's staleness on the overview can be read off afterwards.
 */
import type { HallOverview, HallTableSummary } from '@runde/shared';
import { BenchClient, type SeatInfo } from './benchClient.ts';
import { monoNow } from './clock.ts';
import { Histogram } from './stats.ts';

export class HallOverviewWatch {
  readonly client: BenchClient;
  /** Per table session, each summary received as (monotonic ms, table version), in arrival order. */
  readonly arrivals = new Map<string, Array<[at: number, version: number]>>();
  /** The newest summary of each table. */
  readonly latest = new Map<string, HallTableSummary>();
  pushes = 0;
  fullPushes = 0;

  constructor(url: string, seat: SeatInfo) {
    this.client = new BenchClient(url, seat, { mirror: 'version', reconnection: true, countBytes: true });
    this.client.socket.on('hall:overview', (overview) => this.#receive(overview));
  }

  open(timeoutMs: number): Promise<void> {
    return this.client.open(timeoutMs);
  }

  #receive(payload: HallOverview): void {
    const at = monoNow();
    this.pushes += 1;
    if (payload.full) this.fullPushes += 1;
    for (const summary of payload.tables) {
      const list = this.arrivals.get(summary.sessionId) ?? [];
      list.push([at, summary.version]);
      this.arrivals.set(summary.sessionId, list);
      this.latest.set(summary.sessionId, summary);
    }
  }

  /** Pushes and bytes so far, to take differences over a window. */
  counters(): { pushes: number; bytes: number; at: number } {
    return { pushes: this.pushes, bytes: this.client.bytesReceived, at: monoNow() };
  }

  /**
   * For each acked table commit (table session, version, ack time), how long until a summary of
   * that table with that version or later reached the organiser (0 when one came before the ack
   * did); commits no summary ever covered are `missing`.
   */
  staleness(acks: ReadonlyArray<readonly [sessionId: string, version: number, ackAt: number]>): {
    hist: Histogram;
    missing: number;
  } {
    const hist = new Histogram();
    let missing = 0;
    for (const [sessionId, version, ackAt] of acks) {
      const seen = this.arrivals.get(sessionId)?.find(([, v]) => v >= version);
      if (seen) hist.add(Math.max(0, seen[0] - ackAt));
      else missing += 1;
    }
    return { hist, missing };
  }
}
