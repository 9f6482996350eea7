import { ErrorCode, type EndedSessionResponse } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { integrationSuite } from '../support/integrationSuite.ts';
import { createTeamSpaceOverHttp, startSession, topicId } from '../support/serverClients.ts';

const suite = integrationSuite('ended-summary');

const readEnded = (code: string) => fetch(`${suite.url}/api/sessions/${code}/ended`);

/** Issue 12, item 11: a latecomer reads the summary of an ended Lean Coffee without a seat. */
describe('GET /api/sessions/:code/ended', () => {
  it('gives the ended session masked like any participant’s copy, and nothing while it runs', async () => {
    const session = await startSession(suite.url, {
      participants: 1,
      settings: { anonymousTopics: true, hiddenVoting: true },
    });
    try {
      const [fatma, ben] = session.all;
      if (!fatma || !ben) throw new Error('two seats expected');
      await ben.send('topic:add', { title: 'Anonym eingebracht' });
      const running = await readEnded(session.sessionId);
      expect(running.status).toBe(409);
      expect(await running.json()).toMatchObject({ ok: false, error: { code: ErrorCode.invalidState } });

      await fatma.send('phase:change', { to: 'vote' });
      await ben.send('vote:cast', { topicId: topicId(ben.mirror.state, 'Anonym eingebracht') });
      await fatma.send('phase:change', { to: 'discuss' });
      await fatma.send('phase:change', { to: 'wrapup' });
      await ben.send('roti:cast', { score: 2 });
      await fatma.send('phase:change', { to: 'ended' });

      const response = await readEnded(session.sessionId);
      expect(response.status).toBe(200);
      const text = await response.text();
      const { state } = JSON.parse(text) as EndedSessionResponse;
      expect(state.phase).toBe('ended');
      expect(state.topics.map((t) => [t.title, t.authorId])).toEqual([['Anonym eingebracht', null]]);
      expect(state.votes.every((v) => v.voterId === null)).toBe(true);
      expect(state.roti).toEqual([{ voterId: null, score: 2 }]);
      // No secret of any seat is in the answer.
      for (const client of session.all) expect(text).not.toContain(client.seat.token);
    } finally {
      session.close();
    }
  });

  it('answers a team space and an unknown code as nothing to read', async () => {
    const space = await createTeamSpaceOverHttp(suite.url, { title: 'Team', facilitatorName: 'Fee' });
    expect((await readEnded(space.sessionId)).status).toBe(409);
    expect((await readEnded('ZZZZZZ')).status).toBe(404);
  });
});
