import { describe, expect, it } from 'vitest';
import { session } from '../leanCoffee/testing/fixtures.ts';
import { teamSpace } from '../teamSpace/testing/fixtures.ts';
import { signInRequired } from './sessionAccess.ts';

/** Both kinds with a seat of their own share the access rules: one table, run against each. */
const kinds = [
  ['lean coffee', () => session()],
  ['team space', () => teamSpace()],
] as const;

describe.each(kinds)('session access in a %s', (_name, open) => {
  it('refuses to require sign-in from a facilitator whose seat is not bound to a sign-in', () => {
    const s = open();
    const result = s.try('p1', { type: 'access:set', signIn: true, facilitatorGroup: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'sign_in_required' } });
    expect(signInRequired(s.state)).toBe(false);
  });

  it('lets a bound facilitator require sign-in, and open it again', () => {
    const s = open();
    expect(s.run('system', { type: 'participant:bind', participantId: 'p1', facilitates: null })).toEqual([
      { type: 'participant:bound', participantId: 'p1' },
    ]);
    s.run('p1', { type: 'access:set', signIn: true, facilitatorGroup: 'runde-moderation' });
    expect(s.state.access).toEqual({ signIn: 'required', facilitatorGroup: 'runde-moderation' });
    expect(s.run('p1', { type: 'access:set', signIn: true, facilitatorGroup: 'runde-moderation' })).toEqual([]);
    s.run('p1', { type: 'access:set', signIn: false, facilitatorGroup: null });
    expect(s.state.access).toBeUndefined();
  });

  it('refuses access changes from a participant', () => {
    const s = open();
    s.run('system', { type: 'participant:bind', participantId: 'p2', facilitates: null });
    expect(s.try('p2', { type: 'access:set', signIn: true, facilitatorGroup: null })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('with a facilitator group: nobody is promoted by hand, and a sign-in decides the role', () => {
    const s = open();
    s.run('system', { type: 'participant:bind', participantId: 'p1', facilitates: true });
    s.run('p1', { type: 'access:set', signIn: true, facilitatorGroup: 'runde-moderation' });
    expect(s.try('p1', { type: 'participant:set-role', participantId: 'p3', role: 'facilitator' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(s.run('system', { type: 'participant:bind', participantId: 'p2', facilitates: true })).toEqual([
      { type: 'participant:bound', participantId: 'p2' },
      { type: 'participant:role-changed', participantId: 'p2', role: 'facilitator' },
    ]);
    // Outside the group at the next sign-in: facilitation goes.
    expect(s.run('system', { type: 'participant:bind', participantId: 'p2', facilitates: false })).toEqual([
      { type: 'participant:role-changed', participantId: 'p2', role: 'participant' },
    ]);
  });

  it('keeps the last facilitator when the group would demote them', () => {
    const s = open();
    expect(s.run('system', { type: 'participant:bind', participantId: 'p1', facilitates: false })).toEqual([
      { type: 'participant:bound', participantId: 'p1' },
    ]);
    expect(s.state.participants[0]?.role).toBe('facilitator');
  });

  it('lets only the server bind a seat', () => {
    const s = open();
    expect(s.try('p1', { type: 'participant:bind', participantId: 'p1', facilitates: null }).ok).toBe(false);
  });
});
