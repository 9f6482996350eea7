import { describe, expect, it } from 'vitest';
import { teamSpace } from '../teamSpace/testing/fixtures.ts';
import { facilitatorLinkClaim, mayChangeRole } from '../core/participants.ts';
import type { Role } from './state.ts';
import { session } from './testing/fixtures.ts';

/** Issue 12, defect 4: who facilitates after the facilitator link, and who may change whose role. */
describe('opening the facilitator link', () => {
  it.each([
    ['a device without a seat takes the link seat', undefined, undefined, { grant: 'p1', newToken: true }],
    ['the device of the link seat keeps it, unasked', 'p1', undefined, { grant: 'p1', newToken: false }],
    ['a device with another seat is asked first', 'p2', undefined, { ask: true }],
    ['…and may keep its seat, which then facilitates', 'p2', 'own-seat', { grant: 'p2', newToken: false }],
    ['…or move to the link seat', 'p2', 'link-seat', { grant: 'p1', newToken: true }],
    ['the link seat choosing either way keeps itself', 'p1', 'link-seat', { grant: 'p1', newToken: false }],
  ] as const)('%s', (_case, own, choice, expected) => {
    expect(facilitatorLinkClaim('p1', own, choice)).toEqual(expected);
  });
});

describe('mayChangeRole is what decide accepts as a change', () => {
  /** Fee (p1) opened it; Ana (p2) is co-facilitator; Ben (p3), Cem (p4) take part. */
  const kinds = {
    'lean-coffee': () => {
      const s = session();
      s.run('system', { type: 'participant:join', name: 'Cem', role: 'participant' });
      s.run('p1', { type: 'participant:set-role', participantId: 'p2', role: 'facilitator' });
      return s;
    },
    'team-space': () => {
      const s = teamSpace();
      s.run('p1', { type: 'participant:set-role', participantId: 'p2', role: 'facilitator' });
      return s;
    },
  };
  const people = ['p1', 'p2', 'p3', 'p4'];
  const roles: Role[] = ['facilitator', 'participant'];
  const cases = Object.keys(kinds).flatMap((kind) =>
    people.flatMap((actor) =>
      people.flatMap((target) => roles.map((role) => [kind as keyof typeof kinds, actor, target, role] as const)),
    ),
  );

  it.each(cases)('%s: %s sets %s to %s', (kind, actor, target, role) => {
    const s = kinds[kind]();
    const person = s.state.participants.find((p) => p.id === target);
    if (!person) throw new Error('no such person');
    const may = mayChangeRole(s.state.participants, actor, person, role);
    const result = s.try(actor, { type: 'participant:set-role', participantId: target, role });
    expect(may).toBe(result.ok && result.events.length > 0);
  });

  it('never lets a co-facilitator take the role of the seat that opened it', () => {
    const s = kinds['team-space']();
    const fee = s.state.participants[0]!;
    expect(mayChangeRole(s.state.participants, 'p2', fee, 'participant')).toBe(false);
    const result = s.try('p2', { type: 'participant:set-role', participantId: 'p1', role: 'participant' });
    expect(result.ok).toBe(false);
  });
});
