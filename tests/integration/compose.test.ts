import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@runde/server';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { freePort } from '../../scripts/lib/freePort.mjs';
import { redisCommand, startRedisServer, type RedisServerHandle } from '../support/redisTestEnv.ts';

// No Docker engine runs in CI, so these checks read the deployment files instead of starting them; the Redis
// configurations they hold are run on a local redis-server, with the compose service names made local.
const root = new URL('../../', import.meta.url);

type Service = Record<string, unknown>;
interface ComposeFile {
  name?: string;
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  networks?: { default?: { ipam?: { config?: Array<{ subnet?: string; ip_range?: string }> } } };
}

function loadCompose(file: string): ComposeFile {
  // Compose resolves YAML merge keys (`<<: *data-node`); the yaml package does so only when asked.
  return parse(readFileSync(new URL(file, root), 'utf8'), { merge: true }) as ComposeFile;
}

const compose = loadCompose('docker-compose.yml');
const dockerfile = readFileSync(new URL('Dockerfile', root), 'utf8');

/** Compose accepts a command or healthcheck test as a string or a list; compare them as one string. */
function asText(value: unknown): string {
  return Array.isArray(value) ? value.join(' ') : String(value ?? '');
}

/** Compose accepts environment as a map or a list of KEY=value. */
function environmentOf(service: Record<string, unknown>): Record<string, string> {
  const environment = service.environment;
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((entry: string) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
    );
  }
  return Object.fromEntries(
    Object.entries((environment ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
  );
}

describe('docker-compose.yml', () => {
  const redis = compose.services.redis ?? {};
  const app = compose.services.app ?? {};

  it('runs Redis with the append-only file on and a health check', () => {
    expect(asText(redis.command)).toMatch(/--appendonly yes/);
    expect(asText((redis.healthcheck as { test?: unknown } | undefined)?.test)).toMatch(/redis-cli ping/);
  });

  it('keeps Redis data in a named volume', () => {
    expect(asText(redis.volumes)).toMatch(/^[\w-]+:\/data$/);
  });

  it('starts the app only once Redis is healthy', () => {
    expect(app.depends_on).toMatchObject({ redis: { condition: 'service_healthy' } });
  });

  it('checks the app through its readiness probe /readyz (store reachable, not shutting down)', () => {
    expect(asText((app.healthcheck as { test?: unknown } | undefined)?.test)).toMatch(/\/readyz/);
  });

  it('points the app at the compose Redis', () => {
    expect(environmentOf(app).REDIS_URL).toBe('redis://redis:6379');
  });

  it('sets PUBLIC_URL, which the host and origin checks admit, and passes the optional allow-lists through', () => {
    const environment = environmentOf(app);
    expect(environment.PUBLIC_URL).toBe('${PUBLIC_URL:-http://localhost:3000}');
    expect(environment.ALLOWED_HOSTS).toBe('${ALLOWED_HOSTS:-}');
    expect(environment.ALLOWED_ORIGINS).toBe('${ALLOWED_ORIGINS:-}');
    // One nginx in front: per-address limits key on the address it adds, not on the proxy's own.
    expect(environment.TRUST_PROXY).toBe('1');
  });

  it('runs a second app node on the same Redis, configured like the first', () => {
    const second = compose.services['app-2'] ?? {};
    expect(environmentOf(second)).toEqual(environmentOf(app));
    expect(second.depends_on).toMatchObject({ redis: { condition: 'service_healthy' } });
    expect(asText((second.healthcheck as { test?: unknown } | undefined)?.test)).toMatch(/\/readyz/);
    // Only the proxy is published; the nodes are reached through it.
    expect(app.ports).toBeUndefined();
    expect(second.ports).toBeUndefined();
  });

  it('puts a proxy in front of both nodes that passes WebSocket upgrades', () => {
    const proxy = compose.services.proxy ?? {};
    expect(asText(proxy.ports)).toMatch(/:80$/);
    expect(proxy.depends_on).toMatchObject({
      app: { condition: 'service_healthy' },
      'app-2': { condition: 'service_healthy' },
    });
    expect(asText((proxy.healthcheck as { test?: unknown } | undefined)?.test)).toMatch(/\/healthz/);
    const mounted = asText(proxy.volumes).match(/\.\/(deploy\/[\w.]+):/)?.[1];
    expect(mounted).toBe('deploy/nginx.conf');
    const nginx = readFileSync(new URL(mounted ?? '', root), 'utf8');
    expect(nginx).toMatch(/server app:3000/);
    expect(nginx).toMatch(/server app-2:3000/);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade/);
    expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade/);
    // Metrics stay inside: the proxy answers /metrics itself.
    expect(nginx).toMatch(/location = \/metrics \{\s*return 404;\s*\}/);
    // The Host as the browser sent it, port included, on every location: the app checks it.
    expect(nginx.match(/proxy_set_header Host \$http_host;/g)).toHaveLength(2);
    expect(nginx).not.toMatch(/proxy_set_header Host \$host;/);
  });
});

/** The environment as compose hands it over with none of the `${NAME:-default}` variables set. */
function withDefaults(environment: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, v.replace(/\$\{\w+:-([^}]*)\}/g, '$1')]));
}

/** The host side of every bind mount (`./deploy/x.conf:/etc/x.conf:ro`), relative to the repository. */
function bindMounts(service: Service): string[] {
  const volumes = (service.volumes ?? []) as string[];
  return volumes.filter((entry) => entry.startsWith('./')).map((entry) => entry.slice(2, entry.indexOf(':')));
}

/** `name:/data`, the named volume a Redis node keeps its data on. */
function dataVolume(service: Service): string | undefined {
  const volumes = (service.volumes ?? []) as string[];
  return volumes.find((entry) => entry.endsWith(':/data'))?.slice(0, -':/data'.length);
}

function commandOf(service: Service): string[] {
  const command = service.command;
  return Array.isArray(command) ? command.map(String) : String(command ?? '').split(/\s+/);
}

/** The value after `flag` in a command line. */
function argAfter(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index < 0 ? undefined : args[index + 1];
}

/** `directive arg…` lines of a redis.conf or sentinel.conf, comments and blank lines left out. */
function directives(file: string): string[][] {
  return readFileSync(new URL(file, root), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(/\s+/));
}

function textOf(reply: unknown): string {
  if (reply instanceof Error) throw reply;
  return String(reply);
}

/** A reply of field, value, field, value… (SENTINEL MASTER) as a map. */
function fieldsOf(reply: unknown): Map<string, string> {
  const items = (Array.isArray(reply) ? reply : []).map(String);
  return new Map(
    items.flatMap((item, i): Array<[string, string]> => (i % 2 === 0 ? [[item, items[i + 1] ?? '']] : [])),
  );
}

/** `key:value` lines of INFO or CLUSTER INFO. */
function infoOf(reply: unknown): Map<string, string> {
  return new Map(
    textOf(reply)
      .split('\r\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)]),
  );
}

/** Retries `check` until it passes: replication and cluster gossip settle within seconds, not at once. */
async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function run(command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('sh', ['-c', command], { timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

const REDIS_VARIABLES = ['REDIS_URL', 'REDIS_SENTINELS', 'REDIS_SENTINEL_MASTER', 'REDIS_CLUSTER_NODES'];
const REPLICATION_VARIABLES = ['REDIS_MIN_REPLICAS', 'REDIS_REPLICA_TIMEOUT_MS'];

function withoutRedis(environment: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).filter(([k]) => !REDIS_VARIABLES.includes(k) && !REPLICATION_VARIABLES.includes(k)),
  );
}

describe.each([
  { file: 'docker-compose.sentinel.yml', kind: 'sentinel', nodesVariable: 'REDIS_SENTINELS', nodePort: 26379 },
  { file: 'docker-compose.cluster.yml', kind: 'cluster', nodesVariable: 'REDIS_CLUSTER_NODES', nodePort: 6379 },
] as const)('$file', ({ file, kind, nodesVariable, nodePort }) => {
  const topology = loadCompose(file);
  const services = topology.services;
  const app = services.app ?? {};
  const redisServices = Object.entries(services).filter(
    ([name, service]) => String(service.image).startsWith('redis:') && !name.endsWith('-init'),
  );

  it('is a compose project of its own, so it shares no container or volume with docker-compose.yml', () => {
    expect(topology.name).toBe(`runde-${kind}`);
    expect(compose.name).toBeUndefined();
  });

  it('configures both app nodes alike, as docker-compose.yml does but for the Redis, which the server accepts', () => {
    const environment = environmentOf(app);
    expect(environmentOf(services['app-2'] ?? {})).toEqual(environment);
    expect(withoutRedis(environment)).toEqual(withoutRedis(environmentOf(compose.services.app ?? {})));
    expect(environment.REDIS_URL).toBeUndefined();
    // Acknowledged means on a replica too: a failover loses no acknowledged change.
    expect(environment.REDIS_MIN_REPLICAS).toBe('1');
    const config = loadConfig(withDefaults(environment));
    expect(config.redis?.kind).toBe(kind);
    expect(config.replicaAck.count).toBe(1);
  });

  it(`names only this file's services in ${nodesVariable}, every one of them`, () => {
    const listed = environmentOf(app)[nodesVariable]?.split(',') ?? [];
    const expected = redisServices
      .map(([name]) => name)
      .filter((name) => (kind === 'sentinel' ? name.startsWith('sentinel-') : true))
      .map((name) => `${name}:${nodePort}`);
    expect(listed.length).toBeGreaterThanOrEqual(3);
    expect([...listed].sort()).toEqual(expected.sort());
  });

  it('restarts every Redis node and keeps its data on a named volume of its own', () => {
    expect(redisServices.length).toBe(6);
    const volumes = redisServices.map(([, service]) => dataVolume(service));
    for (const [name, service] of redisServices) {
      expect(service.restart, name).toBe('unless-stopped');
      expect(asText((service.healthcheck as { test?: unknown } | undefined)?.test), name).toMatch(/redis-cli .*ping/);
      expect(Object.keys(topology.volumes ?? {}), name).toContain(dataVolume(service));
    }
    expect(new Set(volumes).size).toBe(volumes.length);
  });

  it('mounts only files that exist', () => {
    const mounts = Object.values(services).flatMap(bindMounts);
    expect(mounts).toContain('deploy/nginx.conf');
    for (const path of mounts) expect(existsSync(new URL(path, root)), path).toBe(true);
  });

  it('checks the app nodes by /readyz and reaches them only through the same proxy as docker-compose.yml', () => {
    for (const name of ['app', 'app-2']) {
      const node = services[name] ?? {};
      expect(asText((node.healthcheck as { test?: unknown } | undefined)?.test), name).toMatch(/\/readyz/);
      expect(node.ports, name).toBeUndefined();
      expect(node.restart, name).toBe('unless-stopped');
    }
    expect(services.proxy).toEqual(compose.services.proxy);
  });
});

describe('docker-compose.sentinel.yml: master, replicas and sentinels', () => {
  const { services } = loadCompose('docker-compose.sentinel.yml');
  const dataNodes = ['redis-master', 'redis-replica-1', 'redis-replica-2'];
  const sentinels = ['sentinel-1', 'sentinel-2', 'sentinel-3'];
  const environment = environmentOf(services.app ?? {});
  const servers: RedisServerHandle[] = [];
  const dirs: string[] = [];

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.dispose()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('runs one master and two replicas of it, each announced by its service name, with the append-only file', () => {
    for (const name of dataNodes) {
      const args = commandOf(services[name] ?? {});
      expect(args[0], name).toBe('redis-server');
      expect(argAfter(args, '--replica-announce-ip'), name).toBe(name);
      expect(argAfter(args, '--appendonly'), name).toBe('yes');
      expect(args.join(' '), name).toMatch(
        name === 'redis-master' ? /^(?!.*--replicaof)/ : /--replicaof redis-master 6379/,
      );
    }
  });

  it('runs three sentinels, each on its own copy of deploy/sentinel.conf, which it may rewrite, announced by name', () => {
    for (const name of sentinels) {
      const service = services[name] ?? {};
      const script = commandOf(service).join(' ');
      expect(asText(service.volumes), name).toContain('./deploy/sentinel.conf:/etc/redis/sentinel.conf:ro');
      // Copied only when missing: a restarted sentinel must keep what it learned (the master may have changed).
      expect(script, name).toMatch(
        /\[ -f \/data\/sentinel\.conf \] \|\| cp \/etc\/redis\/sentinel\.conf \/data\/sentinel\.conf;/,
      );
      expect(script, name).toMatch(
        new RegExp(
          `exec docker-entrypoint\\.sh redis-server /data/sentinel\\.conf --sentinel --sentinel announce-ip ${name}$`,
        ),
      );
    }
    expect(Object.keys((services.app ?? {}).depends_on ?? {}).sort()).toEqual(sentinels);
  });

  it('monitors, in sentinel.conf, the master the app asks for, with a quorum of 2 and failover in seconds', () => {
    const conf = directives('deploy/sentinel.conf').map((words) => words.join(' '));
    expect(conf).toEqual(
      expect.arrayContaining([
        'sentinel resolve-hostnames yes',
        'sentinel announce-hostnames yes',
        `sentinel monitor ${environment.REDIS_SENTINEL_MASTER} redis-master 6379 2`,
        `sentinel down-after-milliseconds ${environment.REDIS_SENTINEL_MASTER} 1000`,
        `sentinel failover-timeout ${environment.REDIS_SENTINEL_MASTER} 3000`,
      ]),
    );
  });

  it('starts on redis-server as written: the sentinel watches the master and finds both replicas by name', async () => {
    const local = (args: string[], masterPort?: number) =>
      args
        .slice(1)
        .map((arg) => (dataNodes.includes(arg) ? 'localhost' : arg))
        .map((arg, i, all) => (all[i - 1] === 'localhost' && arg === '6379' && masterPort ? String(masterPort) : arg));
    const master = await startRedisServer({ args: local(commandOf(services['redis-master'] ?? {})) });
    servers.push(master);
    for (const name of dataNodes.slice(1)) {
      servers.push(await startRedisServer({ args: local(commandOf(services[name] ?? {}), master.port) }));
    }
    expect(textOf(await redisCommand(master.port, ['CONFIG', 'GET', 'appendonly']))).toBe('appendonly,yes');
    await eventually(async () => {
      for (const replica of servers.slice(1)) {
        expect(infoOf(await redisCommand(replica.port, ['INFO', 'replication'])).get('master_link_status')).toBe('up');
      }
    });

    const dir = mkdtempSync(join(tmpdir(), 'runde-sentinel-conf-'));
    dirs.push(dir);
    const configFile = join(dir, 'sentinel.conf');
    writeFileSync(
      configFile,
      readFileSync(new URL('deploy/sentinel.conf', root), 'utf8').replace(
        / redis-master 6379 /,
        ` localhost ${master.port} `,
      ),
    );
    const sentinelArgs =
      commandOf(services['sentinel-1'] ?? {})
        .join(' ')
        .split('/data/sentinel.conf ')
        .at(-1) ?? '';
    const sentinel = await startRedisServer({ dir, configFile, args: sentinelArgs.split(' ') });
    servers.push(sentinel);
    const name = environment.REDIS_SENTINEL_MASTER ?? '';
    const state = fieldsOf(await redisCommand(sentinel.port, ['SENTINEL', 'MASTER', name]));
    expect(state.get('quorum')).toBe('2');
    expect(state.get('down-after-milliseconds')).toBe('1000');
    expect(state.get('failover-timeout')).toBe('3000');
    expect(state.get('parallel-syncs')).toBe('1');
    // The replicas as they announce themselves: by name (here the local stand-in), which sentinels hand on.
    const replicas = await eventually(async () => {
      const reply = await redisCommand(sentinel.port, ['SENTINEL', 'REPLICAS', name]);
      const found = (Array.isArray(reply) ? reply : []).map(fieldsOf);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(replicas.map((replica) => replica.get('ip'))).toEqual(['localhost', 'localhost']);
    expect(replicas.map((replica) => Number(replica.get('port'))).sort()).toEqual(
      servers
        .slice(1, 3)
        .map((server) => server.port)
        .sort(),
    );
    const announced = fieldsOf(await redisCommand(sentinel.port, ['SENTINEL', 'CONFIG', 'GET', 'announce-ip']));
    expect(announced.get('announce-ip')).toBe('sentinel-1');
  });
});

describe('docker-compose.cluster.yml: six nodes joined once', () => {
  const topology = loadCompose('docker-compose.cluster.yml');
  const { services } = topology;
  const nodeNames = Array.from({ length: 6 }, (_, i) => `redis-node-${i + 1}`);
  const init = services['redis-cluster-init'] ?? {};
  const initScript = commandOf(init).join(' ');
  const addressOf = (name: string) =>
    (services[name]?.networks as { default?: { ipv4_address?: string } } | undefined)?.default?.ipv4_address ?? '';
  const servers: RedisServerHandle[] = [];

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.dispose()));
  });

  it('runs six nodes on deploy/redis-cluster.conf, each announcing its service name, at fixed addresses', () => {
    const ipam = topology.networks?.default?.ipam?.config?.[0] ?? {};
    const subnet = (ipam.subnet ?? '').replace(/\.0\/24$/, '.');
    for (const name of nodeNames) {
      const service = services[name] ?? {};
      expect(commandOf(service), name).toEqual([
        'redis-server',
        '/etc/redis/redis-cluster.conf',
        '--cluster-announce-hostname',
        name,
      ]);
      expect(asText(service.volumes), name).toContain('./deploy/redis-cluster.conf:/etc/redis/redis-cluster.conf:ro');
      // Fixed addresses inside the subnet, below the range compose hands to the other containers.
      expect(addressOf(name), name).toMatch(new RegExp(`^${subnet.replace(/\./g, '\\.')}(\\d+)$`));
      expect(Number(addressOf(name).split('.').at(-1)), name).toBeLessThan(128);
    }
    expect(ipam.ip_range).toBe(`${subnet}128/25`);
    expect(new Set(nodeNames.map(addressOf)).size).toBe(6);
    const conf = directives('deploy/redis-cluster.conf').map((words) => words.join(' '));
    expect(conf).toEqual(
      expect.arrayContaining(['cluster-enabled yes', 'appendonly yes', 'cluster-preferred-endpoint-type hostname']),
    );
  });

  it('joins exactly those six nodes with one replica each, after they are healthy, before the app starts', () => {
    const created = initScript.match(/redis-cli --cluster create ((?:\S+:6379 )+)--cluster-replicas 1 --cluster-yes/);
    expect(created?.[1]?.trim().split(' ')).toEqual(nodeNames.map((name) => `${addressOf(name)}:6379`));
    expect(init.depends_on).toEqual(
      Object.fromEntries(nodeNames.map((name) => [name, { condition: 'service_healthy' }])),
    );
    expect(init.restart).toBe('no');
    for (const name of ['app', 'app-2']) {
      expect(services[name]?.depends_on, name).toEqual({
        'redis-cluster-init': { condition: 'service_completed_successfully' },
      });
    }
  });

  it('starts on redis-server as written and hands clients service names; the init runs once', async () => {
    for (const name of nodeNames) {
      servers.push(
        await startRedisServer({
          configFile: new URL('deploy/redis-cluster.conf', root).pathname,
          // The bus port must be given: the default, port + 10000, is past 65535 for most free ports.
          args: ['--cluster-port', String(await freePort()), ...commandOf(services[name] ?? {}).slice(2)],
        }),
      );
    }
    const [first] = servers;
    const port = first?.port ?? 0;
    expect(textOf(await redisCommand(port, ['CONFIG', 'GET', 'cluster-node-timeout']))).toBe(
      'cluster-node-timeout,2000',
    );
    // The init script itself, its addresses made local.
    let local = initScript.replace(/^sh -c /, '').replace('-h redis-node-1', `-h 127.0.0.1 -p ${port}`);
    nodeNames.forEach((name, i) => {
      local = local.replace(`${addressOf(name)}:6379`, `127.0.0.1:${servers[i]?.port ?? 0}`);
    });
    await run(local);
    await eventually(async () => {
      for (const server of servers) {
        const info = infoOf(await redisCommand(server.port, ['CLUSTER', 'INFO']));
        expect(info.get('cluster_state')).toBe('ok');
        expect(info.get('cluster_known_nodes')).toBe('6');
      }
    });
    // CLUSTER SLOTS: [start, end, master, replica…], each endpoint [host, port, id, …]: by name, not address.
    // A replica is listed once every node has heard of its role, a moment after cluster_state:ok.
    await eventually(async () => {
      const slots = (await redisCommand(port, ['CLUSTER', 'SLOTS'])) as unknown[][];
      expect(slots).toHaveLength(3);
      for (const range of slots) {
        const endpoints = range.slice(2) as unknown[][];
        expect(endpoints).toHaveLength(2);
        for (const endpoint of endpoints) expect(String(endpoint[0])).toMatch(/^redis-node-[1-6]$/);
      }
    });
    expect(await run(local)).toMatch(/cluster already created/);
  });
});

describe('Dockerfile', () => {
  const stages = dockerfile.split(/^(?=FROM\s)/m).filter((stage) => /^FROM\s/.test(stage));
  const runtime = stages.at(-1) ?? '';

  it('builds and runs on Node 24, the runtime package.json promises', () => {
    const bases = stages.map((stage) => stage.match(/^FROM\s+(\S+)/)?.[1]);
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) expect(base).toMatch(/^node:24([.-]|$)/);
    const engines = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } })
      .engines.node;
    expect(engines).toBe('>=24 <25');
    for (const file of ['.nvmrc', '.node-version']) {
      expect(readFileSync(new URL(file, root), 'utf8').trim()).toBe('24');
    }
  });

  it('builds with the release script the tests try, in a stage of its own', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]).toMatch(/^RUN (.*\\\n)*\s*node scripts\/buildRelease\.mjs \/release$/m);
  });

  it('runs only the release: copied from the build stage, started with node, no tsx', () => {
    expect(runtime.match(/^COPY .*$/gm)).toEqual([expect.stringMatching(/^COPY --from=build \/release \.\/$/)]);
    expect(runtime).not.toMatch(/^RUN /m);
    expect(runtime).toMatch(/^CMD \["node", "server\/dist\/main\.js"\]$/m);
    expect(runtime).toMatch(/NODE_ENV=production/);
    expect(runtime).not.toMatch(/tsx/);
  });

  it('runs as the unprivileged node user', () => {
    expect(runtime).toMatch(/^USER node$/m);
  });
});

describe('.dockerignore', () => {
  const ignored = readFileSync(new URL('.dockerignore', root), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

  it('keeps the documentation and its screenshots out of the build context', () => {
    expect(ignored).toContain('docs');
  });

  it('sends the test and bench manifests, which the workspace install needs, but not their files', () => {
    expect(ignored).toEqual(
      expect.arrayContaining(['tests/*', '!tests/package.json', 'bench/*', '!bench/package.json']),
    );
  });
});
