import type {
  Ack,
  SignInConfig,
  SignInSeatRequest,
  SignInSeatResponse,
  SignInStatus,
  SignOutRequest,
  SignOutResponse,
} from '@runde/shared/client';
import { request } from '../api.ts';

/*
 * The browser's side of single sign-on (`signInProtocol.ts`): the provider's pages are reached by
 * plain navigation (`loginHref`), everything else is same-origin JSON with the HttpOnly cookie,
 * which this code never reads.
 */

let config: Promise<Ack<SignInConfig>> | undefined;

/** Whether this installation has sign-in, and the button's label. Asked once per page load. */
export function getSignInConfig(): Promise<Ack<SignInConfig>> {
  config ??= request<SignInConfig>('GET', '/api/auth/config').then((answer) => {
    // A failed look-up is asked again next time rather than remembered.
    if (!answer.ok) config = undefined;
    return answer;
  });
  return config;
}

/** Who this browser is signed in as, if anyone. */
export function getSignInStatus(): Promise<Ack<SignInStatus>> {
  return request('GET', '/api/auth/me');
}

/**
 * The page the provider sends the browser back to after signing in: it takes (or binds) the seat.
 * A page of its own, not the join page, because a device that already has a seat is sent from
 * the join page straight to the board, and a facilitator signs in from the board of an open space.
 */
export function signInLandingPath(code: string): string {
  return `/j/${encodeURIComponent(code)}/sign-in`;
}

/** The login route: the server sends the browser on to the provider and back to the landing page. */
export function loginHref(code: string): string {
  return `/api/auth/login?returnTo=${encodeURIComponent(signInLandingPath(code))}`;
}

/** The seat bound to this sign-in in the session with this code (see the landing page). */
export function signInSeat(code: string, body: SignInSeatRequest): Promise<Ack<SignInSeatResponse>> {
  return request('POST', `/api/sessions/${encodeURIComponent(code)}/sign-in-seat`, body);
}

/** Ends the sign-in; the listed seats' devices bound to it are signed out of those sessions too. */
export function signOut(body: SignOutRequest): Promise<Ack<SignOutResponse>> {
  return request('POST', '/api/auth/logout', body);
}
