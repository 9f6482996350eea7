import { describe, expect, it } from 'vitest';
import { importOver } from '../support/backupClient.ts';
import { integrationSuite } from '../support/integrationSuite.ts';
import { createTeamSpaceOverHttp } from '../support/serverClients.ts';

// Two new sessions a minute per address: one for the space, one for its first restore.
const suite = integrationSuite('backup-limits', { config: { rateLimits: { create: { points: 2, durationSec: 60 } } } });

describe('restoring a backup spends the budget of starting a session', () => {
  it('refuses a restore with 429 once the address has started its sessions for the minute', async () => {
    await createTeamSpaceOverHttp(suite.url, { title: 'Budget', facilitatorName: 'Fee' });
    // Any body spends a point, even one that is then refused: what a flood of files costs the server is bounded.
    expect((await importOver(suite.url, 'not a backup')).status).toBe(400);
    const third = await importOver(suite.url, 'not a backup');
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });
});
