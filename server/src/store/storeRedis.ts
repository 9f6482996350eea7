import { EventEmitter } from 'node:events';
import calculateSlot from 'cluster-key-slot';
import {
  createClusterClient,
  createSentinelClient,
  createSingleClient,
  type ClusterClient,
  type SentinelClient,
  type SingleClient,
} from './redisClients.ts';
import { sessionScripts } from './redisScripts.ts';
import type { RedisTarget } from './redisTarget.ts';

export type SessionScriptName = keyof typeof sessionScripts;

/**
 * What the session store needs from Redis, the same over one server, Sentinel and Cluster. The
 * store speaks only this; each deployment kind maps it onto its node-redis client.
 *
 * Events: `down` (a connection failed; for the logs), `moved` (a connection came (back) up or the
 * master changed: whatever this node remembers about stored state may be stale, and a WAIT now
 * says nothing about writes made before). `moved` names the route when only that connection
 * changed (one master of a Cluster), and none when all may have.
 */
export interface StoreRedis extends EventEmitter<{ down: [err: unknown]; moved: [route?: string] }> {
  readonly isReady: boolean;
  connect(): Promise<void>;
  script(name: SessionScriptName, keys: readonly string[], args: readonly string[]): Promise<unknown>;
  hGet(key: string, field: string): Promise<string | null>;
  zScore(key: string, member: string): Promise<number | null>;
  del(keys: readonly string[]): Promise<number>;
  hmGet(key: string, fields: string[]): Promise<Array<string | null>>;
  hDel(key: string, fields: string[]): Promise<number>;
  get(key: string): Promise<string | null>;
  getDel(key: string): Promise<string | null>;
  pTTL(key: string): Promise<number>;
  /** SET with a TTL in ms. */
  setPx(key: string, value: string, ms: number): Promise<void>;
  ping(): Promise<boolean>;
  /** Every key matching the pattern, on every master, in batches. */
  scan(match: string, type: string): AsyncIterable<string[]>;
  /**
   * The connection that served writes to `key`: WAITs sent on it cover those writes, so waits for
   * the same route may be shared. Stable while the topology is.
   */
  routeOf(key: string): string;
  /** `WAIT replicas timeoutMs` on the connection that wrote `key`; the number of replicas that acknowledged. */
  waitForReplicas(key: string, replicas: number, timeoutMs: number): Promise<number>;
  close(): Promise<void>;
  destroy(): void;
}

export function openStoreRedis(target: RedisTarget): StoreRedis {
  switch (target.kind) {
    case 'single':
      return new SingleStoreRedis(target.url);
    case 'sentinel':
      return new SentinelStoreRedis(target);
    case 'cluster':
      return new ClusterStoreRedis(target);
  }
}

const settings = { scripts: sessionScripts, disableOfflineQueue: true };

type Send = (args: string[]) => Promise<unknown>;

/** SCAN over one server, by hand so that every client kind can run it on the node it means. */
async function* scanNode(send: Send, match: string, type: string): AsyncIterable<string[]> {
  let cursor = '0';
  do {
    const reply = (await send(['SCAN', cursor, 'MATCH', match, 'COUNT', '500', 'TYPE', type])) as [string, string[]];
    cursor = String(reply[0]);
    if (reply[1].length > 0) yield reply[1].map(String);
  } while (cursor !== '0');
}

/**
 * The commands every client kind spells the same way; each kind adds how it connects, pings, scans
 * and where its WAIT goes.
 */
interface SessionCommands {
  hGet(key: string, field: string): Promise<string | null>;
  zScore(key: string, member: string): Promise<number | null>;
  del(keys: string[]): Promise<number>;
  hmGet(key: string, fields: string[]): Promise<Array<string | null>>;
  hDel(key: string, fields: string[]): Promise<number>;
  get(key: string): Promise<string | null>;
  getDel(key: string): Promise<string | null>;
  pTTL(key: string): Promise<number>;
  set(key: string, value: string, options: { expiration: { type: 'PX'; value: number } }): Promise<unknown>;
  close(): Promise<void>;
}

type ScriptCalls = Record<SessionScriptName, (keys: string[], args: string[]) => Promise<unknown>>;

abstract class NodeRedisStore
  extends EventEmitter<{ down: [err: unknown]; moved: [route?: string] }>
  implements StoreRedis
{
  protected abstract readonly commands: SessionCommands & ScriptCalls;
  abstract readonly isReady: boolean;
  abstract connect(): Promise<void>;
  abstract ping(): Promise<boolean>;
  abstract scan(match: string, type: string): AsyncIterable<string[]>;
  abstract routeOf(key: string): string;
  abstract waitForReplicas(key: string, replicas: number, timeoutMs: number): Promise<number>;
  abstract destroy(): void;

  script(name: SessionScriptName, keys: readonly string[], args: readonly string[]) {
    return this.commands[name]([...keys], [...args]);
  }
  hGet(key: string, field: string) {
    return this.commands.hGet(key, field);
  }
  zScore(key: string, member: string) {
    return this.commands.zScore(key, member);
  }
  del(keys: readonly string[]) {
    return this.commands.del([...keys]);
  }
  pTTL(key: string) {
    return this.commands.pTTL(key);
  }
  hmGet(key: string, fields: string[]) {
    return this.commands.hmGet(key, fields);
  }
  hDel(key: string, fields: string[]) {
    return this.commands.hDel(key, fields);
  }
  get(key: string) {
    return this.commands.get(key);
  }
  getDel(key: string) {
    return this.commands.getDel(key);
  }
  async setPx(key: string, value: string, ms: number) {
    await this.commands.set(key, value, { expiration: { type: 'PX', value: ms } });
  }
  async close() {
    await this.commands.close();
  }
}

class SingleStoreRedis extends NodeRedisStore {
  readonly #client: SingleClient<typeof sessionScripts>;
  protected readonly commands;

  constructor(url: string) {
    super();
    this.#client = createSingleClient(url, settings);
    this.commands = this.#client;
    this.#client.on('error', (err: unknown) => this.emit('down', err));
    this.#client.on('ready', () => this.emit('moved'));
  }
  get isReady() {
    return this.#client.isReady;
  }
  async connect() {
    await this.#client.connect();
  }
  async ping() {
    return (await this.#client.ping()) === 'PONG';
  }
  scan(match: string, type: string) {
    return scanNode((args) => this.#client.sendCommand(args), match, type);
  }
  routeOf() {
    return '';
  }
  async waitForReplicas(_key: string, replicas: number, timeoutMs: number) {
    return Number(await this.#client.sendCommand(['WAIT', String(replicas), String(timeoutMs)]));
  }
  destroy() {
    this.#client.destroy();
  }
}

class SentinelStoreRedis extends NodeRedisStore {
  readonly #client: SentinelClient<typeof sessionScripts>;
  protected readonly commands;

  constructor(target: Extract<RedisTarget, { kind: 'sentinel' }>) {
    super();
    this.#client = createSentinelClient(target, settings);
    this.commands = this.#client;
    // Errors of the sentinels' own connections say nothing about the master's; only the master
    // client's errors are an outage of the store. (An 'error' listener must exist regardless.)
    this.#client.on('error', () => undefined);
    this.#client.on('client-error', (event: { type?: string; error?: unknown }) => {
      if (event.type === 'MASTER') this.emit('down', event.error);
    });
    // A new master is a new connection: earlier WAITs and cached state may not hold for it.
    // Sentinels and replicas coming and going change nothing for the store.
    this.#client.on('topology-change', (event: { type?: string }) => {
      if (event.type === 'MASTER_CHANGE') this.emit('moved');
    });
  }
  get isReady() {
    return this.#client.isReady;
  }
  async connect() {
    await this.#client.connect();
  }
  async ping() {
    return String(await this.#client.sendCommand(false, ['PING'])) === 'PONG';
  }
  scan(match: string, type: string) {
    // Not read-only on purpose: read-only commands may go to a replica, and a cursor belongs to one node.
    return scanNode((args) => this.#client.sendCommand(false, args), match, type);
  }
  routeOf() {
    return '';
  }
  async waitForReplicas(_key: string, replicas: number, timeoutMs: number) {
    return Number(await this.#client.sendCommand(false, ['WAIT', String(replicas), String(timeoutMs)]));
  }
  destroy() {
    this.#client.destroy().catch(() => undefined);
  }
}

class ClusterStoreRedis extends NodeRedisStore {
  readonly #client: ClusterClient<typeof sessionScripts>;
  protected readonly commands;
  #ready = false;

  constructor(target: Extract<RedisTarget, { kind: 'cluster' }>) {
    super();
    this.#client = createClusterClient(target, settings);
    this.commands = this.#client;
    this.#client.on('error', (err: unknown) => this.emit('down', err));
    this.#client.on('node-error', (err: unknown) => this.emit('down', err));
    // Only that master's sessions are affected; its route is its address, as `routeOf` names it.
    const moved = (node: { host?: string; port?: number }) => this.emit('moved', `${node.host}:${node.port}`);
    this.#client.on('node-ready', moved);
    this.#client.on('node-disconnect', moved);
  }
  get isReady() {
    return this.#ready && this.#client.isOpen;
  }
  async connect() {
    await this.#client.connect();
    this.#ready = true;
  }
  async ping() {
    return String(await this.#client.sendCommand(undefined, false, ['PING'])) === 'PONG';
  }
  async *scan(match: string, type: string) {
    for (const master of this.#client.masters) {
      const node = await this.#client.nodeClient(master);
      yield* scanNode((args) => node.sendCommand(args), match, type);
    }
  }
  routeOf(key: string) {
    // Before the slot map is known (or while it is being replaced) there is no master to name.
    try {
      return this.#client.getSlotMaster(calculateSlot(key)).address ?? '';
    } catch {
      return '';
    }
  }
  async waitForReplicas(key: string, replicas: number, timeoutMs: number) {
    return Number(await this.#client.sendCommand(key, false, ['WAIT', String(replicas), String(timeoutMs)]));
  }
  destroy() {
    this.#client.destroy();
  }
}
