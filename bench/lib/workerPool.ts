import type { Ack, CommandResult } from '@runde/shared';
import type { ClientOptions, SeatInfo } from './benchClient.ts';
import type { WorkerHandlers } from './clientWorker.ts';
import { RpcChannel } from './ipc.ts';
import { forkTs, libFile } from './processes.ts';
import { Histogram, mergeCounts } from './stats.ts';

export interface SessionStatus {
  min: number;
  max: number;
  clients: number;
  connected: number;
}

/**
 * The benchmark's side of its client workers: which worker holds which seat, and calls fanned out
 * to all of them. Seats are spread round-robin, so every worker holds a share of every session.
 */
export class WorkerPool {
  readonly workers: Array<RpcChannel<WorkerHandlers>>;
  readonly #placement = new Map<string, number>();

  private constructor(workers: Array<RpcChannel<WorkerHandlers>>) {
    this.workers = workers;
  }

  static start(count: number): WorkerPool {
    return new WorkerPool(
      Array.from({ length: count }, (_, i) => {
        const label = `clients-${i + 1}`;
        return new RpcChannel<WorkerHandlers>(forkTs(libFile('clientWorker.ts'), { label }), label);
      }),
    );
  }

  /** Connects the seats (spread over the workers, or all on `onWorker`) and waits for their first sync. */
  async connect(
    url: string,
    seats: readonly SeatInfo[],
    options: ClientOptions,
    {
      concurrency = 50,
      timeoutMs = 120_000,
      onWorker,
    }: { concurrency?: number; timeoutMs?: number; onWorker?: number } = {},
  ): Promise<void> {
    const shares = this.workers.map((): SeatInfo[] => []);
    seats.forEach((seat, i) => shares[onWorker ?? i % this.workers.length]?.push(seat));
    await Promise.all(
      this.workers.map(async (worker, w) => {
        const share = shares[w] ?? [];
        if (share.length === 0) return;
        await worker.call('connect', { url, seats: share, options, concurrency, timeoutMs }, timeoutMs + 10_000);
        for (const seat of share) this.#placement.set(seat.participantId, w);
      }),
    );
  }

  async status(): Promise<{
    sessions: Map<string, SessionStatus>;
    gaps: number;
    disconnects: number;
    disconnectReasons: Record<string, number>;
  }> {
    const answers = await Promise.all(this.workers.map((w) => w.call('status', {})));
    const sessions = new Map<string, SessionStatus>();
    let gaps = 0;
    let disconnects = 0;
    const disconnectReasons: Record<string, number> = {};
    for (const answer of answers) {
      gaps += answer.gaps;
      disconnects += answer.disconnects;
      mergeCounts(disconnectReasons, answer.disconnectReasons);
      for (const [id, s] of Object.entries(answer.sessions)) {
        const merged = sessions.get(id);
        sessions.set(
          id,
          merged
            ? {
                min: Math.min(merged.min, s.min),
                max: Math.max(merged.max, s.max),
                clients: merged.clients + s.clients,
                connected: merged.connected + s.connected,
              }
            : s,
        );
      }
    }
    return { sessions, gaps, disconnects, disconnectReasons };
  }

  async waitVersion(sessionId: string, version: number, timeoutMs: number): Promise<void> {
    await Promise.all(
      this.workers.map((w) => w.call('waitVersion', { sessionId, version, timeoutMs }, timeoutMs + 5_000)),
    );
  }

  send(
    participantId: string,
    type: string,
    payload: unknown,
  ): Promise<{ sentAt: number; ackAt: number; ack: Ack<CommandResult> }> {
    return this.workerOf(participantId).call('send', { participantId, type, payload }, 30_000);
  }

  /** Sends a command that must succeed; returns the version it reached. */
  async sendOk(participantId: string, type: string, payload: unknown): Promise<number> {
    const { ack } = await this.send(participantId, type, payload);
    if (!ack.ok) throw new Error(`${type} refused: ${ack.error.code} (${ack.error.message})`);
    return ack.data.version;
  }

  async track(sessionId: string, base: number, capacity: number): Promise<void> {
    await Promise.all(this.workers.map((w) => w.call('track', { sessionId, base, capacity })));
  }

  /**
   * Send → applied over the session's clients (only those connected to `url`, when given), and
   * per version the time until the last of them had it.
   */
  async latencies(
    sessionId: string,
    sent: Array<[number, number]>,
    url?: string,
  ): Promise<{ hist: Histogram; allApplied: Histogram; missing: number }> {
    const answers = await Promise.all(this.workers.map((w) => w.call('latencies', { sessionId, sent, url }, 120_000)));
    const hist = new Histogram();
    let missing = 0;
    const slowest = new Map<number, number>();
    for (const a of answers) {
      hist.merge(a.hist);
      missing += a.missing;
      for (const [version, ms] of a.slowest) slowest.set(version, Math.max(slowest.get(version) ?? 0, ms));
    }
    const allApplied = new Histogram();
    for (const ms of slowest.values()) allApplied.add(ms);
    return { hist, allApplied, missing };
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.call('closeAll', {})));
    this.#placement.clear();
  }

  /** CPU milliseconds all workers have used since they started. */
  async cpuMs(): Promise<number> {
    const answers = await Promise.all(this.workers.map((w) => w.call('usage', {})));
    return answers.reduce((sum, a) => sum + a.cpuMs, 0);
  }

  /** The worker holding this participant's client. */
  workerOf(participantId: string): RpcChannel<WorkerHandlers> {
    const placement = this.#placement.get(participantId);
    if (placement === undefined) throw new Error(`participant ${participantId} is not connected`);
    return this.workerAt(placement);
  }

  /** Disconnects the clients of one session, leaving the others connected. */
  async closeSession(sessionId: string): Promise<void> {
    await Promise.all(this.workers.map((w) => w.call('closeSession', { sessionId })));
  }

  workerAt(index: number): RpcChannel<WorkerHandlers> {
    const worker = this.workers[index];
    if (!worker) throw new Error(`no worker ${index}`);
    return worker;
  }
}
