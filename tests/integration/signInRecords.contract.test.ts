import { sessionKeys, signInFlowKey, signInRecordKey, type SessionStore, type SignInRecord } from '@runde/server';
import { applyAll, defaultLeanCoffeeSettings, initialState, type DomainEvent } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { openRawRedis, openRedisStore } from '../support/serverHarness.ts';
import { freshStores, hashOf, newId, onBothStores } from '../support/storeContracts.ts';

/* The sign-in part of the store contract: one behaviour, two stores. */

const record = (subjectKey: string): SignInRecord => ({
  subjectKey,
  name: 'Ana',
  groups: ['runde-moderation'],
  refreshToken: 'refresh',
  checkedAt: 1,
  expiresAt: 2,
});

async function seeded(store: SessionStore) {
  const id = newId();
  const created: DomainEvent = {
    type: 'session:created',
    id,
    kind: 'lean-coffee',
    title: 'Sign-in',
    settings: defaultLeanCoffeeSettings,
    createdAt: 1,
  };
  const joined: DomainEvent = {
    type: 'participant:joined',
    participant: { id: 'p_a', name: 'Ana', role: 'facilitator', online: false, joinedAt: 2 },
  };
  const token = hashOf('a');
  const state = applyAll(initialState(created), [joined]);
  await store.create(id, {
    events: [created, joined],
    state,
    tokens: [{ tokenHash: token, participantId: 'p_a' }],
    facilitatorKeys: [],
  });
  return { id, token, state };
}

function signInContract(name: string, open: () => Promise<SessionStore>) {
  describe(`${name} store: sign-in records`, () => {
    const fresh = freshStores(open);

    it('gives a login under way back once', async () => {
      const store = await fresh();
      const flow = { state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/t/ABC234' };
      await store.putSignInFlow('flow-1', flow, 60_000);
      expect(await store.takeSignInFlow('flow-1')).toEqual(flow);
      expect(await store.takeSignInFlow('flow-1')).toBeNull();
      expect(await store.takeSignInFlow('never')).toBeNull();
    });

    it('keeps, replaces and ends a sign-in', async () => {
      const store = await fresh();
      await store.putSignIn('sign-in-1', record('k1'), 60_000);
      expect(await store.signIn('sign-in-1')).toEqual(record('k1'));
      await store.putSignIn('sign-in-1', { ...record('k1'), checkedAt: 5 }, 60_000);
      expect(await store.signIn('sign-in-1')).toMatchObject({ checkedAt: 5 });
      await store.deleteSignIn('sign-in-1');
      expect(await store.signIn('sign-in-1')).toBeNull();
    });

    it('binds subjects and keeps the access flag with the commit, read in one proof, gone with the session', async () => {
      const store = await fresh();
      const { id, token, state } = await seeded(store);
      expect(await store.seatProof(id, token, 'k1')).toEqual({
        participantId: 'p_a',
        signInRequired: false,
        subjectSeat: null,
      });
      const changed: DomainEvent = { type: 'access:changed', access: { signIn: 'required', facilitatorGroup: null } };
      await store.commit(id, 2, [changed], applyAll(state, [changed]), {
        bindSubjects: [{ subjectKey: 'k1', participantId: 'p_a' }],
        access: 'required',
      });
      expect(await store.seatProof(id, token, 'k1')).toEqual({
        participantId: 'p_a',
        signInRequired: true,
        subjectSeat: 'p_a',
      });
      expect(await store.seatProof(id, 'no-such-token', 'k2')).toEqual({
        participantId: null,
        signInRequired: true,
        subjectSeat: null,
      });
      // A bound subject is not a device of its seat.
      expect((await store.seatDevices(id, 'p_a')).map((d) => d.tokenHash)).toEqual([token]);
      await store.commit(id, 3, [], applyAll(state, [changed]), { access: 'open' });
      expect((await store.seatProof(id, token, null)).signInRequired).toBe(false);
      await store.delete(id);
      expect(await store.seatProof(id, token, 'k1')).toEqual({
        participantId: null,
        signInRequired: false,
        subjectSeat: null,
      });
    });

    it('binds a subject only while it is unbound or bound to that seat: else the commit writes nothing', async () => {
      const store = await fresh();
      const { id, state } = await seeded(store);
      const bind = (participantId: string) => ({ bindSubjects: [{ subjectKey: 'k5', participantId }] });
      expect(await store.commit(id, 2, [], state, bind('p_a'))).toEqual({ ok: true, version: 2 });
      expect(await store.commit(id, 2, [], state, bind('p_a'))).toEqual({ ok: true, version: 2 });
      const joined: DomainEvent = {
        type: 'participant:joined',
        participant: { id: 'p_b', name: 'Ana typed', role: 'participant', online: false, joinedAt: 3 },
      };
      const grant = {
        tokenHash: hashOf('b'),
        participantId: 'p_b',
        device: { label: '', via: 'sign-in' as const, addedAt: 3 },
      };
      expect(
        await store.commit(id, 2, [joined], applyAll(state, [joined]), { ...bind('p_b'), grantTokens: [grant] }),
      ).toEqual({ ok: false, reason: 'subjectBound', participantId: 'p_a' });
      expect(await store.load(id)).toMatchObject({ version: 2 });
      expect((await store.seatProof(id, grant.tokenHash, 'k5')).participantId).toBeNull();
      expect((await store.seatProof(id, '', 'k5')).subjectSeat).toBe('p_a');
    });

    it('grants a device of an existing seat with the commit, within the cap, revoking in the same step', async () => {
      const store = await fresh();
      const { id, token, state } = await seeded(store);
      const device = { label: 'Phone', via: 'sign-in' as const, addedAt: 4 };
      const first = hashOf('first');
      const firstId = (await store.seatDevices(id, 'p_a'))[0]?.id ?? '';
      // Two devices at most: the seat's link device gives way to the new one.
      expect(
        await store.commit(id, 2, [], state, {
          seatGrant: { grant: { tokenHash: first, participantId: 'p_a', device }, cap: 1, revokeDeviceIds: [firstId] },
        }),
      ).toEqual({ ok: true, version: 2 });
      expect((await store.seatProof(id, token, null)).participantId).toBeNull();
      const second = hashOf('second');
      expect(
        await store.commit(id, 2, [], state, {
          bindSubjects: [{ subjectKey: 'k6', participantId: 'p_a' }],
          seatGrant: { grant: { tokenHash: second, participantId: 'p_a', device }, cap: 1, revokeDeviceIds: [] },
        }),
      ).toEqual({ ok: false, reason: 'cap' });
      expect((await store.seatProof(id, second, 'k6')).participantId).toBeNull();
      expect((await store.seatProof(id, second, 'k6')).subjectSeat).toBeNull();
      expect((await store.seatDevices(id, 'p_a')).map((d) => d.tokenHash)).toEqual([first]);
    });

    it('keeps a bounded list of one subject’s sign-ins, newest first, even when added at once', async () => {
      const store = await fresh();
      const subject = `subject-${newId()}`;
      const ended = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.addSignInOf(subject, `s${i}`, 5, 60_000)),
      );
      const kept = await store.signInsOf(subject);
      expect(kept).toHaveLength(5);
      expect([...kept, ...ended.flat()].sort()).toEqual(Array.from({ length: 8 }, (_, i) => `s${i}`).sort());
      expect(await store.addSignInOf(subject, kept[2] ?? '', 5, 60_000)).toEqual([]);
      expect((await store.signInsOf(subject))[0]).toBe(kept[2]);
    });

    it('moves a bound subject with a merge', async () => {
      const store = await fresh();
      const { id, state } = await seeded(store);
      await store.commit(id, 2, [], state, { bindSubjects: [{ subjectKey: 'k9', participantId: 'p_a' }] });
      await store.repointSeat(id, 'p_a', 'p_b');
      expect((await store.seatProof(id, '', 'k9')).subjectSeat).toBe('p_b');
    });
  });
}

const prefix = onBothStores('sign-in-records', signInContract);

describe('redis store: sign-in keys', () => {
  it('live under the prefix with their TTL, apart from every session’s keys', async () => {
    const store = await openRedisStore(prefix);
    const raw = await openRawRedis();
    try {
      await store.putSignInFlow('flow-ttl', { state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/' }, 60_000);
      await store.putSignIn('sign-in-ttl', record('k'), 120_000);
      const flowTtl = await raw.pTTL(signInFlowKey(prefix, 'flow-ttl'));
      const signInTtl = await raw.pTTL(signInRecordKey(prefix, 'sign-in-ttl'));
      expect(flowTtl).toBeGreaterThan(0);
      expect(flowTtl).toBeLessThanOrEqual(60_000);
      expect(signInTtl).toBeGreaterThan(60_000);
      expect(signInFlowKey(prefix, 'x').startsWith(prefix)).toBe(true);
      expect(sessionKeys(prefix, 'x').some((key) => key === signInRecordKey(prefix, 'x'))).toBe(false);
    } finally {
      await raw.close();
      await store.close();
    }
  });
});
