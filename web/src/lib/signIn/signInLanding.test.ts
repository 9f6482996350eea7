import { describe, expect, it } from 'vitest';
import { signInErrorFromHash } from './signInLanding.ts';

describe('signInErrorFromHash', () => {
  it.each([
    ['', null],
    ['#', null],
    ['#seat=abc', null],
    ['#signin-error=state', 'state'],
    ['#signin-error=denied', 'denied'],
    ['#signin-error=unavailable', 'unavailable'],
    ['#signin-error=provider', 'provider'],
    ['#signin-error=<script>', 'other'],
    ['#signin-error=', 'other'],
  ])('%s → %s', (hash, reason) => {
    expect(signInErrorFromHash(hash)).toBe(reason);
  });
});
