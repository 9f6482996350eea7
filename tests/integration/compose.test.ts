import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// No Docker engine runs in CI, so these checks read the deployment files instead of starting them.
const root = new URL('../../', import.meta.url);
const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8')) as {
  services: Record<string, Record<string, unknown>>;
};
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
