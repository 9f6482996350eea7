import { beforeAll, describe, expect, it } from 'vitest';
import { MetricsScrape, scrapeMetrics } from '../support/prometheus.ts';
import { integrationSuite } from '../support/integrationSuite.ts';
import { startSession, type TestSession } from '../support/serverClients.ts';
import { startTestServer } from '../support/serverHarness.ts';

/**
 * Issue 13: operators see what a node does. `/metrics` is scraped after real socket commands and
 * parsed as Prometheus would; it counts what happened, exactly, and carries no session code.
 */
const suite = integrationSuite('metrics');
let session: TestSession;

beforeAll(async () => {
  session = await startSession(suite.url, { participants: 2 });
  suite.track(...session.all);
});

describe('GET /metrics', () => {
  it('counts commits, acks per command and errors per code, as the commands happened', async () => {
    const [facilitator, ana, ben] = session.all;
    const before = await scrapeMetrics(suite.url);

    for (const title of ['Topic one', 'Topic two', 'Topic three']) await facilitator!.send('topic:add', { title });
    await ana!.send('topic:add', { title: 'Topic four' });
    await ben!.send('topic:add', { title: 'Topic five' });
    const bad = await ana!.sendRaw('topic:add', { title: 42 }, { commandId: crypto.randomUUID() });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });

    const after = await scrapeMetrics(suite.url);
    const delta = (read: (scrape: MetricsScrape) => number) => read(after) - read(before);
    expect(delta((m) => m.value('runde_commits_total', { kind: 'lean-coffee' }))).toBe(5);
    // Six acks: five commits and the refused one.
    expect(delta((m) => m.histogramCount('runde_command_ack_seconds', { command: 'topic:add' }))).toBe(6);
    expect(delta((m) => m.value('runde_errors_total', { code: 'invalid_payload' }))).toBe(1);
    // Each commit went out to the room at least once (several may share one frame).
    expect(delta((m) => m.histogramCount('runde_fanout_seconds'))).toBeGreaterThan(0);
  });

  it('counts HTTP API errors under their code as well', async () => {
    const before = await scrapeMetrics(suite.url);
    expect((await fetch(`${suite.url}/api/sessions/ZZZZZZ`)).status).toBe(404);
    const after = await scrapeMetrics(suite.url);
    expect(after.value('runde_errors_total', { code: 'not_found' })).toBe(
      before.value('runde_errors_total', { code: 'not_found' }) + 1,
    );
  });

  it('reports the sockets and sessions this node holds, the event loop, and Redis', async () => {
    const scrape = await scrapeMetrics(suite.url);
    expect(scrape.value('runde_connected_sockets')).toBe(3);
    expect(scrape.value('runde_live_sessions')).toBe(1);
    const loop = scrape.family('runde_event_loop_delay_seconds');
    expect(loop?.type).toBe('GAUGE');
    expect(loop?.metrics.map((m) => m.labels?.quantile)).toEqual(['0.5', '0.9', '0.99', '1']);
    expect(loop?.metrics.every((m) => Number(m.value) >= 0)).toBe(true);
    expect(scrape.histogramCount('runde_redis_ping_seconds')).toBeGreaterThan(0);

    session.participants[1]!.close();
    await expect.poll(async () => (await scrapeMetrics(suite.url)).value('runde_connected_sockets')).toBe(2);
  });

  it('carries no session code, name or title anywhere', async () => {
    const { text } = await scrapeMetrics(suite.url);
    for (const secret of [session.sessionId, 'Fatma', 'Person 1', 'Topic one', session.created.token]) {
      expect(text).not.toContain(secret);
    }
  });

  it('refuses whatever a proxy passed on, even from loopback', async () => {
    const proxied = await fetch(`${suite.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.status).toBe(403);
    expect(await proxied.text()).not.toContain('runde_');
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  it('answers only the bearer of the token, even on loopback', async () => {
    const token = 'scraper-token-4b1d7e90';
    const guarded = await startTestServer({ store: suite.store, config: { metricsToken: token } });
    try {
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(403);
      const wrong = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer not-the-token' } });
      expect(wrong.status).toBe(403);
      const scrape = await scrapeMetrics(guarded.url, { authorization: `Bearer ${token}` });
      expect(scrape.family('runde_commits_total')?.type).toBe('COUNTER');
    } finally {
      await guarded.close();
    }
  });
});
