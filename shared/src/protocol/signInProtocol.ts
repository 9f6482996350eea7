import { z } from 'zod';
import { secretSchema, type Seat } from './http.ts';
import { displayNameSchema, idSchema } from './schemas.ts';
import { seatDeviceLabelSchema } from './seatProtocol.ts';

/**
 * Optional single sign-on (OpenID Connect, authorization code flow with PKCE). The installation
 * configures one provider; a session may require it (`SessionAccess`). Runde keeps the subject
 * (hashed with the issuer, per seat) and a display name, and for the length of a sign-in its
 * server-side record; no passwords, profiles or e-mail.
 *
 * Routes (all under `/api/auth`, the browser follows the redirects):
 * - `GET /api/auth/config`: {@link SignInConfig}.
 * - `GET /api/auth/login?returnTo=/t/CODE`: 302 to the provider (state, nonce and PKCE verifier kept server-side, once).
 * - `GET /api/auth/callback?code&state`: the provider's answer; sets the HttpOnly cookie `runde_signin`
 *   and 302 to `returnTo`, or to `returnTo#signin-error=CODE` ({@link SignInErrorCode}).
 * - `GET /api/auth/me`: {@link SignInStatus}.
 * - `POST /api/auth/logout` {@link signOutRequestSchema}: ends the sign-in, revokes the listed seats'
 *   device tokens for seats bound to it, clears the cookie; answers {@link SignOutResponse}.
 * - `POST /api/sessions/:code/sign-in-seat` {@link signInSeatRequestSchema} with the cookie: the seat
 *   bound to this subject (a new device token for it), binding the device's link seat on first
 *   sign-in, or a new bound seat. Answers a {@link Seat}.
 */

export interface SignInConfig {
  /** Null when the installation has no identity provider configured. */
  signIn: { label: string } | null;
}

export type SignInStatus = { signedIn: false } | { signedIn: true; name: string };

export type SignInErrorCode = 'state' | 'provider' | 'denied' | 'unavailable';

/** `returnTo` of the login route: a path of this site only (no scheme, no host, no `//`). */
export const signInReturnToSchema = z
  .string()
  .max(200)
  .regex(/^\/(?!\/)[A-Za-z0-9/_-]*$/);

export const signOutRequestSchema = z.strictObject({
  seats: z.array(z.strictObject({ sessionId: idSchema, token: secretSchema })).max(50),
});
export type SignOutRequest = z.infer<typeof signOutRequestSchema>;
export interface SignOutResponse {
  /** The provider's end-session URL when it has one: the page may send the browser there. */
  endSessionUrl: string | null;
}

export const signInSeatRequestSchema = z.strictObject({
  deviceLabel: seatDeviceLabelSchema,
  /** The link seat this device holds already: bound to the subject when the subject has no seat yet. */
  seat: z.strictObject({ participantId: idSchema, token: secretSchema }).optional(),
  /** A name when the provider's is taken or missing. */
  name: displayNameSchema.optional(),
});
export type SignInSeatRequest = z.input<typeof signInSeatRequestSchema>;
export type SignInSeatResponse = Seat;

/** `access:set` (a facilitator, either kind): require sign-in or not, and the group that facilitates. */
export const accessSetSchema = z.strictObject({
  signIn: z.boolean(),
  facilitatorGroup: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\p{Cc}\p{Cf}]+$/u)
    .nullable(),
});
export type AccessSetInput = z.infer<typeof accessSetSchema>;
