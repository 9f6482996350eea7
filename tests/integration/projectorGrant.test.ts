import {
  commandPayloadSchemasOfAllKinds,
  kindCommandTypes,
  loopViewFor,
  projectorViewer,
  PROTOCOL_VERSION,
  viewFor,
  type Ack,
  type ProjectorGrant,
} from '@runde/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { integrationSuite } from '../support/integrationSuite.ts';
import { arbitraryForSchema } from '../support/schemaArbitrary.ts';
import {
  convergedSession,
  createTeamSpaceOverHttp,
  handshakeRefusal,
  joinOverHttp,
  okVersion,
  startSession,
  TestClient,
  topicId,
  waitUntil,
} from '../support/serverClients.ts';
import { objectsWith, parseFrame, pathsOf } from '../support/serverFrames.ts';

/**
 * Issue 12, defect 3: the read-only projector grant. A room PC opened with the projector link has
 * no seat: it is never a participant (no presence, never counted as present, so a thumbs vote still
 * reveals itself), every command it sends is refused after parsing, and what reaches it over the
 * wire is the uninvolved bystander's copy: no hidden dots or thumbs before the reveal, no author of
 * an anonymous topic or tension, no personal-room content, no token or key.
 */
const suite = integrationSuite('projector-grant', {
  config: { rateLimits: { seat: { points: 5000, durationSec: 10 }, address: { points: 5000, durationSec: 10 } } },
  closeClients: 'afterEach',
});

async function grant(client: TestClient): Promise<Ack<ProjectorGrant>> {
  return (await client.sendRaw('projector:grant', {})) as Ack<ProjectorGrant>;
}

async function grantedKey(client: TestClient): Promise<string> {
  const ack = await grant(client);
  if (!ack.ok) throw new Error(`projector:grant refused: ${ack.error.code}`);
  return ack.data.key;
}

/** Where a word occurs in the frames a device received, as paths into the parsed frames. */
function whereIn(frames: readonly string[], word: string): string[] {
  return frames.flatMap((frame, i) =>
    frame.includes(word) ? [`frame ${i}: ${pathsOf(parseFrame(frame), word).join(', ') || 'inside a string'}`] : [],
  );
}

/** A few payloads each command's schema accepts, fixed by seed: valid commands, not malformed ones. */
function validPayloads(): Array<{ type: string; payload: unknown }> {
  return kindCommandTypes.flatMap((type) => {
    const schema = commandPayloadSchemasOfAllKinds[type];
    const samples = fc.sample(arbitraryForSchema(schema), {
      numRuns: 4,
      seed: 12,
    });
    return samples.filter((payload) => schema.safeParse(payload).success).map((payload) => ({ type, payload }));
  });
}

describe('the read-only projector grant', () => {
  it('is issued by facilitators only, and the projector it admits is never a participant and can change nothing', async () => {
    const s = await startSession(suite.url, { participants: 2, settings: { hiddenVoting: true } });
    suite.track(...s.all);
    const [f, a] = s.all as [TestClient, TestClient];
    expect(await grant(a)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const key = await grantedKey(f);
    const projector = await TestClient.projector(suite.url, s.sessionId, key);
    suite.track(projector);

    okVersion(await a.send('topic:add', { title: 'Raumplanung' }));
    const before = await convergedSession(suite.store, s.sessionId, [...s.all, projector]);
    // Not a participant: nobody new in the list, nobody more online, on the server and on the projector.
    expect(before.state.participants).toHaveLength(3);
    expect(before.state.participants.every((p) => p.online)).toBe(true);
    expect(projector.mirror.state).toEqual(viewFor(before.state, projectorViewer));

    // Every command, with payloads its schema accepts, and the other socket events that change
    // something: each parsed, then refused with a typed ack; nothing is written.
    const answers = new Set<string>();
    for (const { type, payload } of validPayloads()) {
      const ack = (await projector.sendRaw(type, payload, {
        commandId: `projector-${answers.size}-${type}`.replace(/:/g, '_'),
      })) as Ack<unknown>;
      answers.add(ack.ok ? `ok ${type}` : ack.error.code);
    }
    for (const event of ['session:delete', 'projector:grant', 'archive:page'] as const) {
      const payload = event === 'archive:page' ? { kind: 'meeting', limit: 5 } : {};
      const ack = (await projector.sendRaw(event, payload)) as Ack<unknown>;
      answers.add(ack.ok ? `ok ${event}` : ack.error.code);
    }
    expect([...answers]).toEqual(['forbidden']);
    // A malformed frame is still told it is malformed: the refusal comes after the parse.
    expect(await projector.sendRaw('topic:add', { title: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    const after = await convergedSession(suite.store, s.sessionId, s.all);
    expect(after.version).toBe(before.version);
  });

  it('counts nobody: a thumbs vote reveals itself once every person has voted, with the projector connected', async () => {
    const s = await startSession(suite.url, { participants: 2 });
    suite.track(...s.all);
    const [f, a, b] = s.all as [TestClient, TestClient, TestClient];
    const projector = await TestClient.projector(suite.url, s.sessionId, await grantedKey(f));
    suite.track(projector);
    for (const title of ['Onboarding', 'Tooling']) okVersion(await f.send('topic:add', { title }));
    okVersion(await f.send('phase:change', { to: 'vote' }));
    okVersion(await f.send('phase:change', { to: 'discuss' }));
    okVersion(await f.send('discussion:start', {}));
    okVersion(await f.send('thumbs:open', {}));
    okVersion(await f.send('thumbs:cast', { value: 'up' }));
    okVersion(await a.send('thumbs:cast', { value: 'side' }));
    const open = await convergedSession(suite.store, s.sessionId, [...s.all, projector]);
    expect(open.state.thumbs?.revealed).toBe(false);
    // While hidden, the projector holds how many voted and nothing of who or what.
    expect(projector.mirror.state?.thumbs?.ballots).toHaveLength(2);
    const hiddenBallots = projector.frames.flatMap((frame) => objectsWith(parseFrame(frame), ['voterId', 'value']));
    expect(hiddenBallots.filter((ballot) => ballot.voterId !== null || ballot.value !== null)).toEqual([]);

    okVersion(await b.send('thumbs:cast', { value: 'down' }));
    const done = await convergedSession(suite.store, s.sessionId, [...s.all, projector]);
    expect(done.state.thumbs?.revealed).toBe(true);
    expect(projector.mirror.state?.thumbs?.revealed).toBe(true);
    expect(projector.mirror.state).toEqual(viewFor(done.state, projectorViewer));
  });

  it('never receives hidden dots, anonymous authors, tokens or keys over the wire', async () => {
    const s = await startSession(suite.url, {
      participants: 2,
      settings: { hiddenVoting: true, anonymousTopics: true, allowStacking: true, votesPerPerson: 3 },
    });
    suite.track(...s.all);
    const [f, a, b] = s.all as [TestClient, TestClient, TestClient];
    const key = await grantedKey(f);
    const projector = await TestClient.projector(suite.url, s.sessionId, key);
    suite.track(projector);
    okVersion(await a.send('topic:add', { title: 'Anonym-Thema' }));
    okVersion(await b.send('topic:add', { title: 'Zweites Thema' }));
    okVersion(await f.send('phase:change', { to: 'vote' }));
    const anonymous = topicId(f.mirror.state, 'Anonym-Thema');
    okVersion(await a.send('vote:cast', { topicId: anonymous }));
    okVersion(await b.send('vote:cast', { topicId: anonymous }));
    await convergedSession(suite.store, s.sessionId, [...s.all, projector]);
    // A late projector's snapshot as well as the pushes.
    expect(await projector.sendRaw('session:sync', { sinceVersion: 0 })).toMatchObject({
      ok: true,
      data: { kind: 'snapshot' },
    });

    const wire = projector.frames;
    expect(wire.length).toBeGreaterThan(0);
    // Hidden dots: no dot in any frame names a voter or a topic.
    const dots = wire.flatMap((frame) => objectsWith(parseFrame(frame), ['voterId', 'topicId']));
    expect(dots.filter((dot) => dot.voterId !== null || dot.topicId !== null)).toEqual([]);
    // The anonymous topic's author appears nowhere as an author.
    const topics = wire.flatMap((frame) => objectsWith(parseFrame(frame), ['authorId', 'title']));
    expect(topics.some((topic) => topic.title === 'Anonym-Thema')).toBe(true);
    expect(topics.filter((topic) => topic.title === 'Anonym-Thema' && topic.authorId !== null)).toEqual([]);
    // No seat token, no facilitator link, no projector key.
    const secrets = [...s.all.map((c) => c.seat.token), key, s.created.facilitatorUrl.split('#').at(-1) ?? ''];
    for (const secret of secrets) expect(whereIn(wire, secret)).toEqual([]);
  });

  it('gets no personal-room content and no anonymous tension author in a team space', async () => {
    const created = await createTeamSpaceOverHttp(suite.url, { title: 'Jugendhilfeplanung', facilitatorName: 'Fee' });
    const [anaSeat, benSeat] = await Promise.all(
      ['Ana', 'Ben'].map((name) => joinOverHttp(suite.url, created.sessionId, name)),
    );
    const fee = await suite.connect(created);
    const ana = await suite.connect(anaSeat!);
    const ben = await suite.connect(benSeat!);
    const members = [fee, ana, ben];
    const key = await grantedKey(fee);
    const projector = await TestClient.projector(suite.url, created.sessionId, key);
    suite.track(projector);
    await waitUntil('everyone online', () => members.every((c) => c.mirror.space?.participants.every((p) => p.online)));

    const secrets = ['Konflikt-mit-Ben', 'Ich-fuehle-mich-uebergangen', 'Woechentlicher-Spaziergang'];
    await suite.run(ana, 'tension:add', {
      title: secrets[0]!,
      description: secrets[1]!,
      room: 'relationship',
      anonymous: false,
    });
    await suite.run(ben, 'tension:add', {
      title: 'Anonyme-Spannung',
      description: '',
      room: 'operational',
      anonymous: true,
    });
    const tensionId = ana.mirror.space?.tensions.find((t) => t.title === secrets[0])?.id ?? '';
    await suite.run(fee, 'meeting:start', { room: 'relationship' });
    while (fee.mirror.space?.meeting?.stage !== 'tensions') await suite.run(fee, 'meeting:advance', {});
    await suite.run(fee, 'tension:start', { tensionId });
    await suite.run(fee, 'tension:agreement', { agreement: secrets[2]! });
    await suite.run(fee, 'tension:close', { gotWhatNeeded: null });
    await suite.run(fee, 'meeting:end', {});
    const state = await suite.convergedTeamSpace(created.sessionId, [...members, projector]);

    // Not a member: the list has the three people, and the projector's copy is the bystander's.
    expect(state.participants).toHaveLength(3);
    expect(projector.mirror.space).toEqual(loopViewFor(state, projectorViewer));
    for (const word of secrets) expect(whereIn(projector.frames, word), word).toEqual([]);
    // Positive control: Ana, who was there, got the agreement.
    expect(whereIn(ana.frames, secrets[2]!)).not.toEqual([]);
    const tensions = projector.frames.flatMap((frame) => objectsWith(parseFrame(frame), ['authorId', 'anonymous']));
    expect(tensions.filter((t) => t.anonymous === true && t.authorId !== null)).toEqual([]);
    for (const secret of [...members.map((c) => c.seat.token), key])
      expect(whereIn(projector.frames, secret)).toEqual([]);
  });

  it('is revoked by issuing a new one: the old key is refused and its projectors are let go', async () => {
    const s = await startSession(suite.url, { participants: 1 });
    suite.track(...s.all);
    const f = s.facilitator;
    const oldKey = await grantedKey(f);
    const projector = await TestClient.projector(suite.url, s.sessionId, oldKey);
    suite.track(projector);
    const gone = new Promise<string>((resolve) => projector.socket.once('disconnect', resolve));
    const newKey = await grantedKey(f);
    expect(newKey).not.toBe(oldKey);
    expect(await gone).toBe('io server disconnect');
    expect(
      await handshakeRefusal(suite.url, {
        protocolVersion: PROTOCOL_VERSION,
        sessionId: s.sessionId,
        projectorKey: oldKey,
      }),
    ).toMatchObject({ data: { code: 'unauthorized' } });
    // A projector key is not a seat's token, and a token is not a projector key.
    expect(
      await handshakeRefusal(suite.url, { protocolVersion: PROTOCOL_VERSION, sessionId: s.sessionId, token: newKey }),
    ).toMatchObject({ data: { code: 'unauthorized' } });
    expect(
      await handshakeRefusal(suite.url, {
        protocolVersion: PROTOCOL_VERSION,
        sessionId: s.sessionId,
        projectorKey: f.seat.token,
      }),
    ).toMatchObject({ data: { code: 'unauthorized' } });
    const fresh = await TestClient.projector(suite.url, s.sessionId, newKey);
    suite.track(fresh);
    expect(fresh.mirror.state?.participants).toHaveLength(2);
  });
});
