/**
 * What the stores keep for single sign-on (see `signInProtocol.ts`). Beside the sessions, under the
 * store's prefix, each record its own key with its own TTL: a login under way (taken once) and a
 * sign-in (until it ends or its hours run out). A session keeps only the hashed subject of each
 * bound seat, in its tokens hash (`s:<subjectKey>`), and whether it requires sign-in (`access`).
 */

/** One login under way: what the callback must find again, kept server-side and taken once. */
export interface SignInFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** A path of this site the browser goes back to. */
  returnTo: string;
}

/** A sign-in, under an opaque random id the browser holds in an HttpOnly cookie. */
export interface SignInRecord {
  /** sha256 of `issuer + ' ' + sub`: the same person at the same provider, whatever their name. */
  subjectKey: string;
  name: string;
  groups: string[];
  /** Kept to ask the provider again now and then whether the person still may sign in. */
  refreshToken: string | null;
  /** When the provider last confirmed this sign-in (ms). */
  checkedAt: number;
  /** When the sign-in ends however fresh it is (ms): the installation's session hours. */
  expiresAt: number;
}

/** A seat bound to a subject: the subject's devices prove this seat. */
export interface SubjectBinding {
  subjectKey: string;
  participantId: string;
}

/** What one read of a session's tokens hash tells the handshake. */
export interface SeatProof {
  /** The seat the token proves, or null. */
  participantId: string | null;
  /** Whether the session requires sign-in (its `access` field). */
  signInRequired: boolean;
  /** The seat bound to the asked subject, or null (also when no subject was asked). */
  subjectSeat: string | null;
}

/**
 * The tokens-hash field of a bound subject. Never collides with a token hash (64 hex digits). A
 * commit writes it only while it is absent or names the same seat (one person, one seat).
 */
export const subjectField = (subjectKey: string) => `s:${subjectKey}`;

/** The tokens-hash field saying whether the session requires sign-in: `required`, or absent/empty. */
export const ACCESS_FIELD = 'access';

/** How long a login may take from the redirect to the callback. */
export const SIGN_IN_FLOW_TTL_MS = 10 * 60 * 1000;

/** The Redis keys of sign-in records: one hash tag each, so a Cluster spreads them. */
export const signInFlowKey = (prefix: string, id: string) => `${prefix}{sign-in-flow:${id}}`;
export const signInRecordKey = (prefix: string, id: string) => `${prefix}{sign-in:${id}}`;
/** The ids of one subject's sign-ins, newest first (see `SessionStore.signInsOf`). */
export const subjectSignInsKey = (prefix: string, subjectKey: string) => `${prefix}{sign-ins-of:${subjectKey}}`;

/**
 * How many sign-ins one person keeps at once (browsers, devices); a further one ends the oldest.
 * Bounds what logins of one account can make the store hold, whatever the rate they come at.
 */
export const SIGN_INS_PER_SUBJECT = 20;
