import { sessionKeys, type DeviceGrantInfo, type SessionStore, type StoredSeatLink } from '@runde/server';
import { applyAll, defaultLeanCoffeeSettings, deviceIdOf, initialState, type DomainEvent } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { openRawRedis, openRedisStore } from '../support/serverHarness.ts';
import { freshStores, hashOf, newId, onBothStores } from '../support/storeContracts.ts';

/*
 * The seat-device part of the store contract: one behaviour, two stores. Token hashes are real
 * sha256 in base64url, as the server writes them (`hashSecret`): the migration of old sessions tells tokens by that shape.
 */

const device = (label: string, via: DeviceGrantInfo['via'] = 'join', addedAt = 1000): DeviceGrantInfo => ({
  label,
  via,
  addedAt,
});
const joined = (id: string): DomainEvent => ({
  type: 'participant:joined',
  participant: { id, name: id, role: 'participant', online: false, joinedAt: 2 },
});
/** A real clock reading: Lua's cjson must carry all of its digits through a rewrite of the record. */
const LAPTOP_ADDED_AT = 1_796_597_629_496;

/** A Lean Coffee with seats p_fac (one device, "Laptop") and p_a (one device, "Phone"). */
async function seeded(store: SessionStore) {
  const id = newId();
  const events: DomainEvent[] = [
    {
      type: 'session:created',
      id,
      kind: 'lean-coffee',
      title: 'Devices',
      settings: defaultLeanCoffeeSettings,
      createdAt: 1,
    },
    joined('p_fac'),
  ];
  const [first, ...rest] = events;
  if (first?.type !== 'session:created') throw new Error('fixture');
  const fac = hashOf('fac');
  const a = hashOf('a');
  await store.create(id, {
    events,
    state: applyAll(initialState(first), rest),
    tokens: [{ tokenHash: fac, participantId: 'p_fac', device: device('Laptop', 'join', LAPTOP_ADDED_AT) }],
    facilitatorKeys: [],
  });
  const loaded = await store.load(id);
  if (loaded?.state.kind !== 'lean-coffee') throw new Error('not created');
  await store.commit(id, 2, [joined('p_a')], applyAll(loaded.state, [joined('p_a')]), {
    grantTokens: [{ tokenHash: a, participantId: 'p_a', device: device('Phone', 'join', 2) }],
  });
  return { id, fac, a };
}

const ids = (devices: readonly { id: string }[]) => devices.map((d) => d.id);
const link = (participantId: string, expiresAt: number, via: StoredSeatLink['via'] = 'copy'): StoredSeatLink => ({
  participantId,
  via,
  fromDevice: null,
  revokeOthers: false,
  expiresAt,
});

function seatDeviceContract(name: string, open: () => Promise<SessionStore>) {
  describe(`${name} store: seat devices`, () => {
    const fresh = freshStores(open);

    it('records the device of every grant, at create and at commit; a grant without one is "earlier"', async () => {
      const store = await fresh();
      const { id, fac, a } = await seeded(store);
      expect(await store.seatDevices(id, 'p_fac')).toEqual([
        { id: deviceIdOf(fac), tokenHash: fac, label: 'Laptop', addedAt: LAPTOP_ADDED_AT, via: 'join' },
      ]);
      expect(await store.seatDevices(id, 'p_a')).toEqual([
        { id: deviceIdOf(a), tokenHash: a, label: 'Phone', addedAt: 2, via: 'join' },
      ]);
      const bare = hashOf('bare');
      const state = (await store.load(id))?.state;
      if (!state) throw new Error('gone');
      await store.commit(id, 3, [], state, { grantTokens: [{ tokenHash: bare, participantId: 'p_a' }] });
      expect((await store.seatDevices(id, 'p_a')).at(-1)).toEqual({
        id: deviceIdOf(bare),
        tokenHash: bare,
        label: '',
        addedAt: 0,
        via: 'earlier',
      });
      expect(await store.seatDevices(id, 'p_nobody')).toEqual([]);
      expect(await store.seatDevices('NOSUCH', 'p_a')).toEqual([]);
    });

    it('grants a device to an existing seat up to the cap; past it nothing is written', async () => {
      const store = await fresh();
      const { id, a } = await seeded(store);
      /** A grant to seat p_a at a cap of two devices. */
      const grantToA = (
        tokenHash: string,
        label: string,
        via: DeviceGrantInfo['via'],
        more: { revokeDeviceIds?: string[] } = {},
        session = id,
      ) =>
        store.grantDevice(
          session,
          { tokenHash, participantId: 'p_a', device: device(label, via) },
          { cap: 2, ...more },
        );
      const second = hashOf('second');
      expect(await grantToA(second, 'Tablet', 'copy')).toEqual({ ok: true, revoked: [] });
      expect(await store.participantForToken(id, second)).toBe('p_a');
      const third = hashOf('third');
      expect(await grantToA(third, 'Desk', 'copy')).toEqual({ ok: false, reason: 'cap' });
      expect(await store.participantForToken(id, third)).toBeNull();
      expect(ids(await store.seatDevices(id, 'p_a'))).toEqual([deviceIdOf(a), deviceIdOf(second)]);
      // A move at the cap: the device it leaves goes first, so it fits.
      expect(await grantToA(third, 'Desk', 'move', { revokeDeviceIds: [deviceIdOf(a)] })).toEqual({
        ok: true,
        revoked: [{ participantId: 'p_a', deviceId: deviceIdOf(a) }],
      });
      expect(await store.participantForToken(id, a)).toBeNull();
      expect((await store.seatDevices(id, 'p_a')).map((d) => [d.label, d.via])).toEqual([
        ['Tablet', 'copy'],
        ['Desk', 'move'],
      ]);
      expect(await grantToA(hashOf('x'), 'X', 'join', {}, 'NOSUCH')).toEqual({ ok: false, reason: 'missing' });
    });

    it('replaces the token of another seat the device held (the device switches seats)', async () => {
      const store = await fresh();
      const { id, fac, a } = await seeded(store);
      const next = hashOf('next');
      const result = await store.grantDevice(
        id,
        { tokenHash: next, participantId: 'p_fac', device: device('Phone', 'copy') },
        { cap: 10, replaceTokenHash: a },
      );
      expect(result).toEqual({ ok: true, revoked: [{ participantId: 'p_a', deviceId: deviceIdOf(a) }] });
      expect(await store.participantForToken(id, a)).toBeNull();
      expect(await store.seatDevices(id, 'p_a')).toEqual([]);
      expect(ids(await store.seatDevices(id, 'p_fac'))).toEqual([deviceIdOf(fac), deviceIdOf(next)]);
      expect((await store.seatDevices(id, 'p_fac'))[0]?.addedAt).toBe(LAPTOP_ADDED_AT);
    });

    it('revokes a seat’s own devices only, token and record together', async () => {
      const store = await fresh();
      const { id, fac, a } = await seeded(store);
      // Another seat's device id is not this seat's to remove.
      expect(await store.revokeDevices(id, 'p_a', [deviceIdOf(fac), '0123456789abcdef'])).toEqual([]);
      expect(await store.participantForToken(id, fac)).toBe('p_fac');
      expect(await store.revokeDevices(id, 'p_a', [deviceIdOf(a)])).toEqual([deviceIdOf(a)]);
      expect(await store.participantForToken(id, a)).toBeNull();
      expect(await store.seatDevices(id, 'p_a')).toEqual([]);
      expect(await store.revokeDevices(id, 'p_a', [deviceIdOf(a)])).toEqual([]);
      expect(await store.revokeDevices('NOSUCH', 'p_a', [deviceIdOf(a)])).toEqual([]);
    });

    it('opens a seat link once, never after it expired, and keeps at most maxOpen per seat', async () => {
      const store = await fresh();
      const { id } = await seeded(store);
      const far = Date.now() + 60_000;
      const [s1, s2, s3, s4] = [hashOf('s1'), hashOf('s2'), hashOf('s3'), hashOf('s4')];
      expect(await store.putSeatLink(id, s1, link('p_a', far), 3)).toBe(true);
      expect(await store.takeSeatLink(id, s1, Date.now())).toEqual(link('p_a', far));
      expect(await store.takeSeatLink(id, s1, Date.now())).toBeNull();
      // Expired: refused, and gone (a later clock must not make it valid again).
      await store.putSeatLink(id, s2, link('p_a', 5_000, 'move'), 3);
      expect(await store.takeSeatLink(id, s2, 5_000)).toBeNull();
      expect(await store.takeSeatLink(id, s2, 0)).toBeNull();
      // The fourth open link of a seat drops its oldest; another seat's links are untouched.
      const other = hashOf('other');
      await store.putSeatLink(id, other, link('p_fac', far, 'reissue'), 3);
      for (const s of [s1, s2, s3, s4]) await store.putSeatLink(id, s, link('p_a', far), 3);
      expect(await store.takeSeatLink(id, s1, Date.now())).toBeNull();
      for (const s of [s2, s3, s4]) expect(await store.takeSeatLink(id, s, Date.now())).not.toBeNull();
      expect((await store.takeSeatLink(id, other, Date.now()))?.via).toBe('reissue');
      expect(await store.putSeatLink('NOSUCH', s1, link('p_a', far), 3)).toBe(false);
      expect(await store.takeSeatLink('NOSUCH', s1, Date.now())).toBeNull();
    });

    it('repoints a merged seat: its tokens prove the other seat, its devices and open links follow', async () => {
      const store = await fresh();
      const { id, fac, a } = await seeded(store);
      const pending = hashOf('pending');
      await store.putSeatLink(id, pending, link('p_a', Date.now() + 60_000), 3);
      await store.repointSeat(id, 'p_a', 'p_fac');
      expect(await store.participantForToken(id, a)).toBe('p_fac');
      expect(await store.participantForToken(id, fac)).toBe('p_fac');
      expect(ids(await store.seatDevices(id, 'p_fac'))).toEqual([deviceIdOf(fac), deviceIdOf(a)]);
      expect(await store.seatDevices(id, 'p_a')).toEqual([]);
      expect((await store.takeSeatLink(id, pending, Date.now()))?.participantId).toBe('p_fac');
      // The same inside a commit, atomically with the merge's events.
      const b = hashOf('b');
      const state = (await store.load(id))?.state;
      if (state?.kind !== 'lean-coffee') throw new Error('gone');
      await store.commit(id, 3, [joined('p_b')], applyAll(state, [joined('p_b')]), {
        grantTokens: [{ tokenHash: b, participantId: 'p_b', device: device('Old phone') }],
      });
      const after = (await store.load(id))?.state;
      if (after?.kind !== 'lean-coffee') throw new Error('gone');
      expect((await store.commit(id, 4, [], after, { repointSeat: { from: 'p_b', into: 'p_fac' } })).ok).toBe(true);
      expect(await store.participantForToken(id, b)).toBe('p_fac');
      expect(ids(await store.seatDevices(id, 'p_fac'))).toEqual([deviceIdOf(fac), deviceIdOf(a), deviceIdOf(b)]);
    });

    it('forgets devices and links with the session', async () => {
      const store = await fresh();
      const { id, a } = await seeded(store);
      const s = hashOf('s');
      await store.putSeatLink(id, s, link('p_a', Date.now() + 60_000), 3);
      expect(await store.delete(id)).toBe(true);
      expect(await store.seatDevices(id, 'p_a')).toEqual([]);
      expect(await store.takeSeatLink(id, s, Date.now())).toBeNull();
      expect(await store.participantForToken(id, a)).toBeNull();
    });
  });
}

const prefix = onBothStores('seat-devices', seatDeviceContract);

describe('redis store: sessions stored before devices were recorded', () => {
  it('lists their tokens as "earlier" devices, and migrates them once at the first device write', async () => {
    const store = await openRedisStore(prefix);
    const raw = await openRawRedis();
    try {
      const { id, fac, a } = await seeded(store);
      const tokens = sessionKeys(prefix, id)[2];
      // As an earlier release left it: tokens only.
      await raw.hDel(tokens, ['recorded', 'd:p_fac', 'd:p_a']);
      const earlier = { label: '', addedAt: 0, via: 'earlier' };
      expect(await store.seatDevices(id, 'p_a')).toEqual([{ id: deviceIdOf(a), tokenHash: a, ...earlier }]);
      const next = hashOf('next');
      await store.grantDevice(id, { tokenHash: next, participantId: 'p_a', device: device('New') }, { cap: 10 });
      expect(await raw.hGet(tokens, 'recorded')).toBe('1');
      expect(await store.seatDevices(id, 'p_fac')).toEqual([{ id: deviceIdOf(fac), tokenHash: fac, ...earlier }]);
      expect((await store.seatDevices(id, 'p_a')).map((d) => d.via)).toEqual(['earlier', 'join']);
      // The tokens hash still expires with the session.
      expect(await raw.pTTL(tokens)).toBeGreaterThan(0);
    } finally {
      await raw.close();
      await store.close();
    }
  });
});
