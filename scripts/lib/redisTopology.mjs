// Real local Redis high-availability topologies for the integration tests and the benchmarks (issue 15): a
// Redis Cluster of masters and replicas, and one master with replicas watched by Sentinels, each on free ports of
// 127.0.0.1 with every file in one temporary directory. Their servers can be crashed (SIGKILL) or frozen
// (SIGSTOP) to watch a failover happen as a production client would see it. Every redis-server comes from the
// repository's one launcher (redisServer.mjs), so none outlives the process that started it; this module also
// removes the temporary directories on exit, including when a test fails before it could stop its topology.
// Plain JavaScript typed by JSDoc like redisServer.mjs, so that tests and bench share it without a build step.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './freePort.mjs';
import { startRedisServer } from './redisServer.mjs';

/**
 * @typedef {object} HostPort
 * @property {string} host
 * @property {number} port
 */

/**
 * One node of a Redis Cluster as some live node sees it (CLUSTER NODES).
 * @typedef {object} ClusterNode
 * @property {string} id Node id, stable across restarts and failovers.
 * @property {string} host
 * @property {number} port
 * @property {'master' | 'replica'} role
 * @property {string | null} masterId For a replica, the id of the master it follows.
 * @property {boolean} failed Flagged `fail` or `fail?` by the node asked.
 * @property {Array<[number, number]>} slots Inclusive slot ranges it serves (masters only).
 */

/**
 * @typedef {object} RedisClusterOptions
 * @property {number} [masters] Default 3, the fewest with which a majority of masters survives losing one.
 * @property {number} [replicasPerMaster] Default 1.
 * @property {number} [nodeTimeoutMs] `cluster-node-timeout`; see {@link CLUSTER_NODE_TIMEOUT_MS}.
 * @property {number} [readyTimeoutMs] How long start-up may take before it gives up; default 30 s.
 */

/**
 * @typedef {object} RedisClusterHandle
 * @property {ClusterNode[]} nodes Every node as it was when the cluster became ready; roles change on failover,
 *   ask {@link RedisClusterHandle.masters} for the current ones.
 * @property {Array<{ url: string }>} rootNodes For node-redis `createCluster({ rootNodes })`: every node, so that
 *   discovery works with any one of them down.
 * @property {(slotOrKey: number | string) => Promise<ClusterNode>} masterOf The master serving a slot, or the
 *   slot of a key (hash tags included, as Redis computes it).
 * @property {() => Promise<ClusterNode[]>} masters Masters serving slots, not flagged failed.
 * @property {() => Promise<ClusterNode[]>} replicas Replicas not flagged failed.
 * @property {(port: number) => Promise<void>} kill SIGKILL, as a crash or an OOM kill would.
 * @property {(port: number) => Promise<void>} restart Starts a killed node again on its port and directory, as
 *   an orchestrator's restart policy would; a cluster node rejoins (as a replica, if its slots moved meanwhile).
 * @property {(port: number) => Promise<void>} freeze SIGSTOP: the process keeps its sockets open but answers
 *   nothing, like a node stuck in a long pause or behind a dropped network.
 * @property {(port: number) => void} thaw SIGCONT after {@link RedisClusterHandle.freeze}.
 * @property {(oldMasterPort: number, timeoutMs?: number) => Promise<ClusterNode>} waitForFailover Resolves with
 *   the new master once every slot the old master served (when it was killed or frozen here, else at start) is
 *   served by another master that answers ROLE as master, and every live node reports cluster_state:ok.
 * @property {() => Promise<void>} stop SIGKILL for every server and the temporary directory removed.
 */

/**
 * @typedef {object} RedisSentinelOptions
 * @property {number} [replicas] Default 2.
 * @property {number} [sentinels] Default 3, the fewest with which a majority survives losing one.
 * @property {string} [masterName] Default `runde`.
 * @property {number} [readyTimeoutMs] How long start-up may take before it gives up; default 30 s.
 */

/**
 * @typedef {object} RedisSentinelHandle
 * @property {string} masterName
 * @property {HostPort[]} sentinels For node-redis `createSentinel({ name: masterName, sentinelRootNodes })`.
 * @property {HostPort[]} dataNodes Every data node started (the first was the master at start).
 * @property {() => Promise<HostPort>} currentMaster The master a majority of the sentinels names
 *   (`SENTINEL get-master-addr-by-name`); rejects while they disagree, e.g. during a failover.
 * @property {() => Promise<HostPort[]>} replicas Replicas a live sentinel reports as up.
 * @property {(port: number) => Promise<void>} kill SIGKILL of a data node or a sentinel.
 * @property {(port: number) => Promise<void>} restart Starts a killed node again on its port and directory; the
 *   sentinels turn a former master into a replica of the new one.
 * @property {(port: number) => Promise<void>} freeze SIGSTOP of a data node or a sentinel.
 * @property {(port: number) => void} thaw SIGCONT after {@link RedisSentinelHandle.freeze}.
 * @property {(oldMasterPort: number, timeoutMs?: number) => Promise<HostPort>} waitForFailover Resolves with the
 *   new master once a majority of the sentinels name the same master other than `oldMasterPort` and it answers
 *   ROLE as master.
 * @property {() => Promise<void>} stop SIGKILL for every server and the temporary directory removed.
 */

/**
 * `cluster-node-timeout`. A node unreachable this long is flagged PFAIL, and FAIL once a majority of masters
 * agree; its replica then waits 0.5–1 s (plus 1 s per better-ranked replica) before asking for votes. So the
 * failover after a kill takes about this value plus 1–2 s. The default 15 s would make every failover test take
 * 20 s; 1 s would be faster still but could fail over a healthy master whenever a loaded two-core CI machine
 * leaves a node without CPU for a second. 2 s is the compromise.
 */
export const CLUSTER_NODE_TIMEOUT_MS = 2_000;

/**
 * Data-node arguments both topologies share. A full synchronisation over the socket ("diskless") by default
 * waits 5 s for more replicas to join it; with none expected that only delays start-up and the resync of a
 * replica after a failover, so it starts at once.
 */
const DATA_NODE_ARGS = ['--repl-diskless-sync', 'yes', '--repl-diskless-sync-delay', '0'];

const READY_TIMEOUT_MS = 30_000;
const FAILOVER_TIMEOUT_MS = 30_000;
const POLL_MS = 100;
/** A live node answers in microseconds; a frozen one never, so asking it must give up. */
const COMMAND_TIMEOUT_MS = 1_000;
const TOTAL_SLOTS = 16_384;

/** Temporary directories of topologies that may still run, removed on exit after their servers are killed. */
const openFleets = new Set();
process.once('exit', () => {
  for (const fleet of openFleets) fleet.removeNow();
});

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

/**
 * A reply of Redis in RESP2; an error reply inside an array is an Error (a top-level one rejects instead). The
 * items of an array are RespValues too (JSDoc cannot say so: its type aliases may not refer to themselves).
 * @typedef {string | number | null | Error | unknown[]} RespValue
 */

/**
 * Parses one RESP2 reply from `buffer` at `start`, or returns null while it is incomplete.
 * @param {Buffer} buffer
 * @param {number} start
 * @returns {{ value: RespValue; next: number } | null}
 */
function parseReply(buffer, start) {
  const lineEnd = buffer.indexOf('\r\n', start);
  if (lineEnd < 0) return null;
  const type = String.fromCharCode(buffer[start] ?? 0);
  const line = buffer.toString('utf8', start + 1, lineEnd);
  let next = lineEnd + 2;
  switch (type) {
    case '+':
      return { value: line, next };
    case '-':
      return { value: new Error(line), next };
    case ':':
      return { value: Number(line), next };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, next };
      if (buffer.length < next + length + 2) return null;
      return { value: buffer.toString('utf8', next, next + length), next: next + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, next };
      /** @type {unknown[]} */
      const items = [];
      for (let i = 0; i < count; i += 1) {
        const item = parseReply(buffer, next);
        if (!item) return null;
        items.push(item.value);
        next = item.next;
      }
      return { value: items, next };
    }
    default:
      throw new Error(`unexpected reply type ${JSON.stringify(type)}`);
  }
}

/**
 * Sends one command to 127.0.0.1:port on a connection of its own and resolves with the reply. A dependency-free
 * client (like redisServer.mjs's PING) so that this module needs no package, and with a timeout, since the node
 * asked may be frozen.
 * @param {number} port
 * @param {string[]} args
 * @returns {Promise<RespValue>}
 */
export function redisCommand(port, args) {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let received = Buffer.alloc(0);
    /** @param {(() => void)} settle */
    const finish = (settle) => {
      socket.destroy();
      settle();
    };
    socket.setTimeout(COMMAND_TIMEOUT_MS, () =>
      finish(() => reject(new Error(`127.0.0.1:${port} did not answer ${args[0]} within ${COMMAND_TIMEOUT_MS} ms`))),
    );
    socket.once('error', (error) => finish(() => reject(error)));
    socket.once('connect', () => {
      let frame = `*${args.length}\r\n`;
      for (const arg of args) frame += `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`;
      socket.write(frame);
    });
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      try {
        const reply = parseReply(received, 0);
        if (!reply) return;
        const { value } = reply;
        finish(() => (value instanceof Error ? reject(value) : resolve(value)));
      } catch (error) {
        finish(() => reject(error));
      }
    });
  });
}

/**
 * A command whose reply is a bulk string.
 * @param {number} port
 * @param {string[]} args
 */
async function textCommand(port, args) {
  const reply = await redisCommand(port, args);
  if (typeof reply !== 'string') throw new Error(`${args.join(' ')} on ${port}: expected text`);
  return reply;
}

/**
 * `key:value` lines of INFO or CLUSTER INFO.
 * @param {string} text
 * @returns {Map<string, string>}
 */
function infoFields(text) {
  const fields = new Map();
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith('#')) fields.set(line.slice(0, colon), line.slice(colon + 1));
  }
  return fields;
}

/**
 * A flat `[key, value, key, value…]` reply (SENTINEL MASTER, SENTINEL REPLICAS entries) as a map.
 * @param {unknown} reply
 * @returns {Map<string, string>}
 */
function pairs(reply) {
  const map = new Map();
  if (!Array.isArray(reply)) return map;
  for (let i = 0; i + 1 < reply.length; i += 2) map.set(String(reply[i]), String(reply[i + 1]));
  return map;
}

/**
 * True when the server at `port` answers ROLE as a master.
 * @param {number} port
 */
async function isMaster(port) {
  const role = await redisCommand(port, ['ROLE']);
  return Array.isArray(role) && role[0] === 'master';
}

/**
 * Calls `check` every {@link POLL_MS} until it returns instead of throwing; its last error says what was missing.
 * @template T
 * @param {string} what
 * @param {number} timeoutMs
 * @param {() => Promise<T>} check
 * @returns {Promise<T>}
 */
async function poll(what, timeoutMs, check) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let why;
    try {
      return await check();
    } catch (error) {
      why = messageOf(error);
    }
    if (Date.now() > deadline) throw new Error(`${what} not within ${timeoutMs / 1000} s: ${why}`);
    await sleep(POLL_MS);
  }
}

/**
 * The servers of one topology, its temporary directory and which servers were killed or frozen here.
 * @param {string} prefix
 */
function createFleet(prefix) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  /** @type {Map<number, import('./redisServer.mjs').RedisServerHandle>} */
  const servers = new Map();
  /** Ports killed or frozen here: nothing is asked of them, since they would not answer. */
  const silent = new Set();
  const fleet = {
    root,
    servers,
    silent,
    /** @param {number} port */
    server(port) {
      const server = servers.get(port);
      if (!server) throw new Error(`no server of this topology on port ${port}`);
      return server;
    },
    /** Ports of the servers that should answer, in start order. */
    livePorts() {
      return [...servers.keys()].filter((port) => !silent.has(port));
    },
    /** @param {number} port */
    async kill(port) {
      silent.add(port);
      await fleet.server(port).kill9();
    },
    /** @param {number} port */
    async restart(port) {
      await fleet.server(port).restart();
      silent.delete(port);
    },
    /** @param {number} port */
    freeze(port) {
      fleet.server(port).signal('SIGSTOP');
      silent.add(port);
    },
    /** @param {number} port */
    thaw(port) {
      fleet.server(port).signal('SIGCONT');
      silent.delete(port);
    },
    removeNow() {
      // SIGKILL ends a frozen process too, so nothing is thawed first.
      for (const server of servers.values()) server.killNow();
      rmSync(root, { recursive: true, force: true });
      openFleets.delete(fleet);
    },
    async stop() {
      await Promise.all([...servers.values()].map((server) => server.kill9()));
      fleet.removeNow();
    },
  };
  openFleets.add(fleet);
  return fleet;
}

/**
 * Parses CLUSTER NODES.
 * @param {string} text
 * @returns {ClusterNode[]}
 */
function parseClusterNodes(text) {
  /** @type {ClusterNode[]} */
  const nodes = [];
  for (const line of text.split('\n')) {
    const [id, address, flagList, master, , , , , ...slotFields] = line.trim().split(' ');
    if (!id || !address || !flagList || !master) continue;
    // ip:port@busport[,hostname]
    const hostPort = address.split('@')[0] ?? '';
    const colon = hostPort.lastIndexOf(':');
    const flags = flagList.split(',');
    /** @type {Array<[number, number]>} */
    const slots = [];
    for (const field of slotFields) {
      // `[slot->-node]` marks a slot being migrated; none are here.
      if (field.startsWith('[')) continue;
      const [start, end] = field.split('-').map(Number);
      if (start !== undefined) slots.push([start, end ?? start]);
    }
    nodes.push({
      id,
      host: hostPort.slice(0, colon),
      port: Number(hostPort.slice(colon + 1)),
      role: flags.includes('master') ? 'master' : 'replica',
      masterId: master === '-' ? null : master,
      failed: flags.includes('fail') || flags.includes('fail?'),
      slots,
    });
  }
  return nodes;
}

/**
 * @param {ClusterNode} node
 * @param {number} slot
 */
const serves = (node, slot) => node.slots.some(([start, end]) => start <= slot && slot <= end);

/**
 * Starts one cluster node. The cluster bus port is chosen here, since the default (port + 10000) is past 65535
 * for most free ports; if either port was taken meanwhile, the next attempt takes new ones in a fresh directory
 * (a failed start may have written a nodes.conf already).
 * @param {string} root
 * @param {number} index
 * @param {number} nodeTimeoutMs
 */
async function startClusterNode(root, index, nodeTimeoutMs) {
  let lastError;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const dir = join(root, `node-${index}-${attempt}`);
    mkdirSync(dir);
    try {
      return await startRedisServer({
        dir,
        args: [
          ...DATA_NODE_ARGS,
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          join(dir, 'nodes.conf'),
          '--cluster-node-timeout',
          String(nodeTimeoutMs),
          // Redis's default refuses every query (CLUSTERDOWN) while any slot lacks a master: one shard
          // failing over would stop all sessions. As deploy/redis-cluster.conf sets it too.
          '--cluster-require-full-coverage',
          'no',
          '--cluster-port',
          String(await freePort()),
        ],
      });
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/**
 * Starts a Redis Cluster of `masters` masters with `replicasPerMaster` replicas each on free ports of 127.0.0.1,
 * without persistence, joined by `redis-cli --cluster create`, and waits until every node reports
 * cluster_state:ok, all nodes agree on who serves what, and every replica is in sync with its master.
 * @param {RedisClusterOptions} [options]
 * @returns {Promise<RedisClusterHandle>}
 */
export async function startRedisCluster(options = {}) {
  const masterCount = options.masters ?? 3;
  const replicasPerMaster = options.replicasPerMaster ?? 1;
  const nodeTimeoutMs = options.nodeTimeoutMs ?? CLUSTER_NODE_TIMEOUT_MS;
  const total = masterCount * (1 + replicasPerMaster);
  const fleet = createFleet('runde-cluster-');
  try {
    const started = await Promise.all(
      Array.from({ length: total }, (_, index) => startClusterNode(fleet.root, index, nodeTimeoutMs)),
    );
    for (const server of started) fleet.servers.set(server.port, server);
    // redis-cli makes the first `masterCount` addresses masters and spreads the replicas over them; it also
    // waits until every node has met every other before it returns.
    await new Promise((resolve, reject) => {
      const addresses = started.map((server) => `127.0.0.1:${server.port}`);
      const args = ['--cluster', 'create', ...addresses, '--cluster-replicas', String(replicasPerMaster)];
      execFile('redis-cli', [...args, '--cluster-yes'], { timeout: READY_TIMEOUT_MS }, (error, stdout) => {
        if (error) reject(new Error(`redis-cli --cluster create failed: ${error.message}\n${stdout}`));
        else resolve(undefined);
      });
    });
    const nodes = await poll('cluster ready', options.readyTimeoutMs ?? READY_TIMEOUT_MS, () =>
      clusterReady(fleet.livePorts(), masterCount, total),
    );
    return clusterHandle(fleet, nodes);
  } catch (error) {
    await fleet.stop();
    throw error;
  }
}

/**
 * Resolves with the agreed view once every node says cluster_state:ok and knows every node, all views agree on
 * roles and slots, and every replica's link to its master is up; throws what is missing otherwise.
 * @param {number[]} ports
 * @param {number} masterCount
 * @param {number} total
 * @returns {Promise<ClusterNode[]>}
 */
async function clusterReady(ports, masterCount, total) {
  /** @type {string | null} */
  let agreed = null;
  /** @type {ClusterNode[]} */
  let view = [];
  for (const port of ports) {
    const info = infoFields(await textCommand(port, ['CLUSTER', 'INFO']));
    if (info.get('cluster_state') !== 'ok') throw new Error(`${port}: cluster_state ${info.get('cluster_state')}`);
    if (info.get('cluster_known_nodes') !== String(total)) throw new Error(`${port}: does not know every node`);
    view = parseClusterNodes(await textCommand(port, ['CLUSTER', 'NODES']));
    const summary = view
      .map((node) => `${node.id} ${node.role} ${node.masterId ?? '-'} ${node.failed} ${JSON.stringify(node.slots)}`)
      .sort()
      .join('\n');
    if (agreed !== null && summary !== agreed) throw new Error(`${port}: sees the cluster differently`);
    agreed = summary;
  }
  const masters = view.filter((node) => node.role === 'master' && node.slots.length > 0);
  const served = masters.reduce((sum, node) => sum + node.slots.reduce((n, [a, b]) => n + b - a + 1, 0), 0);
  if (masters.length !== masterCount || served !== TOTAL_SLOTS) throw new Error('slots not yet spread');
  for (const node of view.filter((candidate) => candidate.role === 'replica')) {
    const info = infoFields(await textCommand(node.port, ['INFO', 'replication']));
    if (info.get('master_link_status') !== 'up') throw new Error(`replica ${node.port} not in sync yet`);
  }
  return view;
}

/**
 * @param {ReturnType<typeof createFleet>} fleet
 * @param {ClusterNode[]} nodes
 * @returns {RedisClusterHandle}
 */
function clusterHandle(fleet, nodes) {
  /** Slots each master served when it was killed or frozen here, for {@link waitForFailover}. */
  const slotsWhenSilenced = new Map();

  /** CLUSTER NODES from the first live node that answers. */
  const view = async () => {
    let lastError;
    for (const port of fleet.livePorts()) {
      try {
        return parseClusterNodes(await textCommand(port, ['CLUSTER', 'NODES']));
      } catch (error) {
        lastError = error;
      }
    }
    throw new Error(`no live cluster node answers: ${messageOf(lastError)}`);
  };
  const masters = async () =>
    (await view()).filter((node) => node.role === 'master' && !node.failed && node.slots.length > 0);

  /** @param {number} port */
  const remember = async (port) => {
    const node = (await view()).find((candidate) => candidate.port === port);
    if (node && node.role === 'master') slotsWhenSilenced.set(port, node.slots);
  };

  /** @type {RedisClusterHandle['waitForFailover']} */
  const waitForFailover = (oldMasterPort, timeoutMs = FAILOVER_TIMEOUT_MS) => {
    /** @type {Array<[number, number]> | undefined} */
    const slots = slotsWhenSilenced.get(oldMasterPort) ?? nodes.find((node) => node.port === oldMasterPort)?.slots;
    if (!slots || slots.length === 0) throw new Error(`${oldMasterPort} served no slots`);
    return poll(`failover of ${oldMasterPort}`, timeoutMs, async () => {
      const candidates = (await masters()).filter((node) => node.port !== oldMasterPort);
      const heir = candidates.find((node) => slots.every(([start, end]) => serves(node, start) && serves(node, end)));
      if (!heir) throw new Error(`slots of ${oldMasterPort} not yet served by another master`);
      if (!(await isMaster(heir.port))) throw new Error(`${heir.port} does not answer as master yet`);
      for (const port of fleet.livePorts()) {
        const state = infoFields(await textCommand(port, ['CLUSTER', 'INFO'])).get('cluster_state');
        if (state !== 'ok') throw new Error(`${port}: cluster_state ${state}`);
      }
      return heir;
    });
  };

  return {
    nodes,
    rootNodes: nodes.map((node) => ({ url: `redis://${node.host}:${node.port}` })),
    masterOf: async (slotOrKey) => {
      const slot =
        typeof slotOrKey === 'number'
          ? slotOrKey
          : Number(await redisCommand(fleet.livePorts()[0] ?? 0, ['CLUSTER', 'KEYSLOT', slotOrKey]));
      const master = (await masters()).find((node) => serves(node, slot));
      if (!master) throw new Error(`no master serves slot ${slot}`);
      return master;
    },
    masters,
    replicas: async () => (await view()).filter((node) => node.role === 'replica' && !node.failed),
    kill: async (port) => {
      await remember(port);
      await fleet.kill(port);
    },
    restart: (port) => fleet.restart(port),
    freeze: async (port) => {
      await remember(port);
      fleet.freeze(port);
    },
    thaw: (port) => fleet.thaw(port),
    waitForFailover,
    stop: () => fleet.stop(),
  };
}

/**
 * The configuration of one sentinel, in a file of its own since a sentinel rewrites it (with its id, the
 * replicas and other sentinels it found, and each failover's outcome).
 * @param {string} masterName
 * @param {number} masterPort
 * @param {number} quorum
 */
function sentinelConfig(masterName, masterPort, quorum) {
  return [
    // Addresses stay IP addresses: nothing here has a hostname, and no resolver is asked during a failover.
    'sentinel resolve-hostnames no',
    'sentinel announce-hostnames no',
    // `quorum` sentinels must see the master down before a failover (and a majority must elect the leader
    // anyway), so one sentinel with a bad view alone cannot start one.
    `sentinel monitor ${masterName} 127.0.0.1 ${masterPort} ${quorum}`,
    // No answer for 1 s and a sentinel considers the master down (the default is 30 s). Sentinels ping every
    // second, so less would not be noticed sooner; this dominates the time from a crash to a new master.
    `sentinel down-after-milliseconds ${masterName} 1000`,
    // Bounds one failover attempt (promotion seen within it, ~1–2 s here) and delays the next attempt, after a
    // split vote, to twice this: 3 s keeps even that rare second round inside 10 s (the default is 3 min).
    `sentinel failover-timeout ${masterName} 3000`,
    // Replicas move to the new master one at a time, so the others keep serving reads meanwhile; with two
    // replicas it does not delay the new master, which accepts writes as soon as it is promoted.
    `sentinel parallel-syncs ${masterName} 1`,
    '',
  ].join('\n');
}

/**
 * Starts one master and `replicas` replicas (`--replicaof`) on free ports of 127.0.0.1, without persistence,
 * then `sentinels` sentinels monitoring them, and waits until every replica is in sync and every sentinel knows
 * the master, every replica and every other sentinel, so that a failover can start at once.
 * @param {RedisSentinelOptions} [options]
 * @returns {Promise<RedisSentinelHandle>}
 */
export async function startRedisSentinel(options = {}) {
  const replicaCount = options.replicas ?? 2;
  const sentinelCount = options.sentinels ?? 3;
  const masterName = options.masterName ?? 'runde';
  const readyTimeoutMs = options.readyTimeoutMs ?? READY_TIMEOUT_MS;
  const quorum = Math.floor(sentinelCount / 2) + 1;
  const fleet = createFleet('runde-sentinel-');
  /** @param {string} name */
  const dirFor = (name) => {
    const dir = join(fleet.root, name);
    mkdirSync(dir);
    return dir;
  };
  try {
    const master = await startRedisServer({ dir: dirFor('master'), args: DATA_NODE_ARGS });
    fleet.servers.set(master.port, master);
    const replicas = await Promise.all(
      Array.from({ length: replicaCount }, (_, index) =>
        startRedisServer({
          dir: dirFor(`replica-${index}`),
          args: [...DATA_NODE_ARGS, '--replicaof', '127.0.0.1', String(master.port)],
        }),
      ),
    );
    for (const replica of replicas) fleet.servers.set(replica.port, replica);
    // Before any sentinel starts: a sentinel learns the replicas from the master's INFO, which it reads at once
    // and then only every 10 s, so replicas still connecting would be missing from its first look.
    await poll('replicas in sync', readyTimeoutMs, async () => {
      for (const replica of replicas) {
        const info = infoFields(await textCommand(replica.port, ['INFO', 'replication']));
        if (info.get('master_link_status') !== 'up') throw new Error(`replica ${replica.port} not in sync yet`);
      }
    });
    const sentinels = await Promise.all(
      Array.from({ length: sentinelCount }, (_, index) => {
        const dir = dirFor(`sentinel-${index}`);
        const configFile = join(dir, 'sentinel.conf');
        writeFileSync(configFile, sentinelConfig(masterName, master.port, quorum));
        return startRedisServer({ dir, configFile, args: ['--sentinel'] });
      }),
    );
    for (const sentinel of sentinels) fleet.servers.set(sentinel.port, sentinel);
    // Sentinels find each other through hello messages every 2 s.
    await poll('sentinels ready', readyTimeoutMs, async () => {
      for (const sentinel of sentinels) {
        const state = pairs(await redisCommand(sentinel.port, ['SENTINEL', 'MASTER', masterName]));
        if (state.get('flags') !== 'master') throw new Error(`${sentinel.port}: master flags ${state.get('flags')}`);
        if (state.get('num-slaves') !== String(replicaCount)) throw new Error(`${sentinel.port}: replicas missing`);
        if (state.get('num-other-sentinels') !== String(sentinelCount - 1)) {
          throw new Error(`${sentinel.port}: other sentinels missing`);
        }
      }
    });
    return sentinelHandle(fleet, {
      masterName,
      quorum,
      sentinelPorts: sentinels.map((sentinel) => sentinel.port),
      dataPorts: [master.port, ...replicas.map((replica) => replica.port)],
    });
  } catch (error) {
    await fleet.stop();
    throw error;
  }
}

/**
 * @param {ReturnType<typeof createFleet>} fleet
 * @param {{ masterName: string; quorum: number; sentinelPorts: number[]; dataPorts: number[] }} topology
 * @returns {RedisSentinelHandle}
 */
function sentinelHandle(fleet, { masterName, quorum, sentinelPorts, dataPorts }) {
  const liveSentinels = () => sentinelPorts.filter((port) => !fleet.silent.has(port));

  /**
   * What one sentinel names as the master.
   * @param {number} sentinelPort
   * @returns {Promise<HostPort>}
   */
  const masterAccordingTo = async (sentinelPort) => {
    const reply = await redisCommand(sentinelPort, ['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', masterName]);
    if (!Array.isArray(reply) || typeof reply[0] !== 'string') throw new Error(`${sentinelPort}: no master`);
    return { host: reply[0], port: Number(reply[1]) };
  };

  /**
   * Calls `ask` on the first live sentinel that answers.
   * @template T
   * @param {(sentinelPort: number) => Promise<T>} ask
   * @returns {Promise<T>}
   */
  const firstAnswer = async (ask) => {
    let lastError;
    for (const port of liveSentinels()) {
      try {
        return await ask(port);
      } catch (error) {
        lastError = error;
      }
    }
    throw new Error(`no live sentinel answers: ${messageOf(lastError)}`);
  };

  /**
   * The port of the master a majority of all sentinels names, if any: what a failover's leader needs too.
   * @returns {Promise<number | undefined>}
   */
  const majorityMaster = async () => {
    /** @type {Map<number, number>} */
    const votes = new Map();
    for (const sentinelPort of liveSentinels()) {
      try {
        const { port } = await masterAccordingTo(sentinelPort);
        votes.set(port, (votes.get(port) ?? 0) + 1);
      } catch {
        // A sentinel that does not answer simply does not count towards the majority.
      }
    }
    return [...votes].find(([, count]) => count >= quorum)?.[0];
  };

  return {
    masterName,
    sentinels: sentinelPorts.map((port) => ({ host: '127.0.0.1', port })),
    dataNodes: dataPorts.map((port) => ({ host: '127.0.0.1', port })),
    currentMaster: async () => {
      const port = await majorityMaster();
      if (port === undefined) throw new Error('no majority of sentinels names the same master');
      return { host: '127.0.0.1', port };
    },
    replicas: () =>
      firstAnswer(async (sentinelPort) => {
        const reply = await redisCommand(sentinelPort, ['SENTINEL', 'REPLICAS', masterName]);
        if (!Array.isArray(reply)) throw new Error(`${sentinelPort}: no replica list`);
        return reply
          .map(pairs)
          .filter((replica) => !/s_down|o_down|disconnected/.test(replica.get('flags') ?? ''))
          .map((replica) => ({ host: replica.get('ip') ?? '', port: Number(replica.get('port')) }));
      }),
    kill: (port) => fleet.kill(port),
    restart: (port) => fleet.restart(port),
    freeze: async (port) => fleet.freeze(port),
    thaw: (port) => fleet.thaw(port),
    waitForFailover: (oldMasterPort, timeoutMs = FAILOVER_TIMEOUT_MS) =>
      poll(`failover of ${oldMasterPort}`, timeoutMs, async () => {
        const elected = await majorityMaster();
        if (elected === undefined || elected === oldMasterPort) {
          throw new Error('no majority of sentinels names a new master yet');
        }
        if (!(await isMaster(elected))) throw new Error(`${elected} does not answer as master yet`);
        return { host: '127.0.0.1', port: elected };
      }),
    stop: () => fleet.stop(),
  };
}
