import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppUnderTest, type AppUnderTest } from '../support/appServer.ts';
import { createSessionOverHttp, createTeamSpaceOverHttp } from '../support/serverClients.ts';
import { startTestServer, type TestServer } from '../support/serverHarness.ts';

/** A Content-Security-Policy header as directive → sources. */
function directives(header: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

interface Route {
  what: string;
  path: string;
  init?: RequestInit;
  status: number;
  /** A page of the web app: its own policy with the bootstrap script's hash. */
  page?: boolean;
}

let app: AppUnderTest;
let leanCoffee: string;
let space: string;
let asset: { script: string; style: string };

beforeAll(async () => {
  app = await startAppUnderTest('headers');
  leanCoffee = (await createSessionOverHttp(app.server.url, { title: 'Headers', facilitatorName: 'Ana' })).sessionId;
  space = (await createTeamSpaceOverHttp(app.server.url, { title: 'Team', facilitatorName: 'Ana' })).sessionId;
  // The built files' names carry hashes: take them from a page's preload links.
  const links = (await fetch(`${app.server.url}/`)).headers.get('link') ?? '';
  const script = /<\.(\/_app\/immutable\/[^>]+\.js)>/.exec(links)?.[1];
  const style = /<\.(\/_app\/immutable\/[^>]+\.css)>/.exec(links)?.[1];
  if (!script || !style) throw new Error(`no built assets in the Link header: ${links}`);
  asset = { script, style };
});

afterAll(async () => {
  await app?.stop();
});

const json = (body: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body,
});

function routes(): Route[] {
  return [
    { what: 'start page', path: '/', status: 200, page: true },
    { what: 'join link', path: `/j/${leanCoffee}`, status: 200, page: true },
    { what: 'join by code', path: '/join', status: 200, page: true },
    { what: 'Lean Coffee board', path: `/s/${leanCoffee}`, status: 200, page: true },
    { what: 'Lean Coffee facilitator link', path: `/s/${leanCoffee}/facilitate`, status: 200, page: true },
    { what: 'Lean Coffee projector', path: `/s/${leanCoffee}/projector`, status: 200, page: true },
    { what: 'Lean Coffee summary', path: `/s/${leanCoffee}/summary`, status: 200, page: true },
    { what: 'team space', path: `/t/${space}`, status: 200, page: true },
    { what: 'team-space facilitator link', path: `/t/${space}/facilitate`, status: 200, page: true },
    { what: 'team-space projector', path: `/t/${space}/projector`, status: 200, page: true },
    { what: 'team-space minutes', path: `/t/${space}/minutes`, status: 200, page: true },
    { what: 'accessibility statement', path: '/accessibility', status: 200, page: true },
    { what: 'privacy notice', path: '/privacy', status: 200, page: true },
    { what: 'web 404 page', path: '/no/such/page', status: 404, page: true },
    { what: 'icon', path: '/favicon.svg', status: 200 },
    { what: 'script', path: asset.script, status: 200 },
    { what: 'stylesheet', path: asset.style, status: 200 },
    { what: 'missing asset', path: '/_app/immutable/nothing.js', status: 404 },
    { what: 'health', path: '/healthz', status: 200 },
    { what: 'session summary', path: `/api/sessions/${leanCoffee}`, status: 200 },
    { what: 'API 404', path: '/api/sessions/ZZZZZZ', status: 404 },
    { what: 'unknown API path', path: '/api/nothing', status: 404 },
    {
      what: 'session start',
      path: '/api/sessions',
      init: json(JSON.stringify({ title: 'Second', facilitatorName: 'Ana' })),
      status: 201,
    },
    { what: 'invalid payload', path: '/api/sessions', init: json('{"title":5}'), status: 400 },
    { what: 'unreadable JSON', path: '/api/sessions', init: json('{'), status: 400 },
    { what: 'body too large', path: '/api/spaces', init: json(`{"title":"${'x'.repeat(40_000)}"}`), status: 413 },
    { what: 'Socket.IO long-polling handshake', path: '/socket.io/?EIO=4&transport=polling', status: 400 },
    { what: 'Socket.IO bad request', path: '/socket.io/?EIO=1&transport=websocket', status: 400 },
  ];
}

describe('security headers', () => {
  it('are on every response: pages, assets, API, health, errors and Socket.IO', async () => {
    for (const route of routes()) {
      const response = await fetch(`${app.server.url}${route.path}`, route.init);
      await response.arrayBuffer();
      const where = `${route.what} (${route.path.slice(0, 60)})`;
      const h = (name: string) => response.headers.get(name);
      expect(response.status, where).toBe(route.status);
      expect(h('x-content-type-options'), where).toBe('nosniff');
      expect(h('x-frame-options'), where).toBe('DENY');
      expect(h('referrer-policy'), where).toBe('no-referrer');
      expect(h('cross-origin-opener-policy'), where).toBe('same-origin');
      expect(h('permissions-policy'), where).toMatch(/(^|, )camera=\(\)/);
      expect(h('permissions-policy'), where).toMatch(/(^|, )microphone=\(\)/);
      expect(h('permissions-policy'), where).toMatch(/(^|, )geolocation=\(\)/);
      // PUBLIC_URL is not https here, so no HSTS promise is made.
      expect(h('strict-transport-security'), where).toBeNull();

      const csp = directives(h('content-security-policy'));
      expect(csp.get('frame-ancestors'), where).toEqual(["'none'"]);
      expect(csp.get('default-src'), where).toEqual(["'none'"]);
      expect(h('content-security-policy'), where).not.toMatch(/unsafe-inline|unsafe-eval/);
      if (route.page) {
        // The bootstrap script by its hash; everything else from this origin only.
        expect(csp.get('script-src')?.[0], where).toBe("'self'");
        expect(csp.get('script-src')?.slice(1), where).toEqual([expect.stringMatching(/^'sha256-[A-Za-z0-9+/=]+'$/)]);
        expect(csp.get('style-src'), where).toEqual(["'self'"]);
        // Only SvelteKit's route announcer's style attribute, by its hash.
        expect(csp.get('style-src-attr'), where).toEqual(["'unsafe-hashes'", expect.stringMatching(/^'sha256-/)]);
        expect(csp.get('connect-src'), where).toEqual(["'self'"]);
        expect(csp.get('base-uri'), where).toEqual(["'none'"]);
      } else {
        expect(h('content-security-policy'), where).not.toMatch(/unsafe-/);
        expect([...csp.keys()], where).toEqual(['default-src', 'frame-ancestors']);
      }
    }
  });

  it('leave the policy a browser stored with a page alone when it revalidates the page (304)', async () => {
    // A 304 updates the stored headers (RFC 9111): a strict policy on it would replace the page's
    // own, and the page, shown from the cache, would block its own scripts.
    let revalidated = 0;
    for (const route of routes().filter((r) => r.page)) {
      const first = await fetch(`${app.server.url}${route.path}`);
      await first.arrayBuffer();
      const etag = first.headers.get('etag');
      if (!etag) continue;
      const again = await fetch(`${app.server.url}${route.path}`, { headers: { 'if-none-match': etag } });
      await again.arrayBuffer();
      if (again.status !== 304) continue;
      revalidated += 1;
      expect(again.headers.get('content-security-policy'), route.what).toBeNull();
      expect(again.headers.get('x-frame-options'), route.what).toBe('DENY');
    }
    expect(revalidated).toBeGreaterThan(0);
  });

  it('promise HTTPS (HSTS) only when PUBLIC_URL is https', async () => {
    const https: TestServer = await startTestServer({
      store: app.store,
      config: { publicUrl: 'https://runde.example.org' },
    });
    try {
      for (const path of ['/healthz', `/api/sessions/${leanCoffee}`, '/api/nothing']) {
        const response = await fetch(`${https.url}${path}`);
        expect(response.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
      }
    } finally {
      await https.close();
    }
  });
});
