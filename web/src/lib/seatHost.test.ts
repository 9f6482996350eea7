import { seatLinkPath } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { localExpiry, seatLinkUrl, seatSecretOf, showsSeatBinding } from './seatHost.ts';

describe('seat links on the web', () => {
  const secret = 'A1b2C3d4E5f6G7h8I9j0_-xyz';

  it.each(['lean-coffee', 'team-space'] as const)('open where shared says a %s link opens', (kind) => {
    expect(seatLinkUrl('https://runde.example', kind, 'K7P4XM', secret)).toBe(
      `https://runde.example${seatLinkPath(kind, 'K7P4XM', secret)}`,
    );
  });

  it('read the secret from the fragment only', () => {
    expect(seatSecretOf(`#seat=${secret}`)).toBe(secret);
    expect(seatSecretOf(`seat=${secret}&x=1`)).toBe(secret);
    expect(seatSecretOf('#key=abc')).toBe('');
    expect(seatSecretOf('')).toBe('');
  });

  it('end on this device clock', () => {
    // The server runs 5 s ahead: its 12:00:05 is this device's 12:00:00.
    expect(localExpiry({ expiresAt: 10_000 }, 6_000, 1_000)).toBe(5_000);
  });

  it.each([
    [[{}, {}], true, false],
    [[{}, { boundBy: 'sign-in' as const }], true, true],
    [[{}, { boundBy: 'sign-in' as const }], false, false],
  ])('show how seats are held (%j, facilitator %s): %s', (people, facilitates, shown) => {
    expect(showsSeatBinding(people, facilitates)).toBe(shown);
  });
});
