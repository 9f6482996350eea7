import type { SignInErrorCode } from '@runde/shared/client';

const knownErrors: readonly SignInErrorCode[] = ['state', 'provider', 'denied', 'unavailable'];

/**
 * The reason in `#signin-error=CODE`, which the server's callback appends when signing in failed;
 * a code this page does not know is still a failure (`other`). Null when the fragment has none.
 */
export function signInErrorFromHash(hash: string): SignInErrorCode | 'other' | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('signin-error');
  if (value === null) return null;
  return (knownErrors as readonly string[]).includes(value) ? (value as SignInErrorCode) : 'other';
}
