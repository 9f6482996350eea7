import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { OidcConfig } from '../config.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import { SIGN_INS_PER_SUBJECT, type SignInRecord } from '../store/signInRecords.ts';
import { ProviderUnavailableError, type OidcClient, type ProviderIdentity } from './oidcClient.ts';

/** The cookie that names a sign-in: an opaque random id, HttpOnly, never readable by the page. */
export const SIGN_IN_COOKIE = 'runde_signin';
/** The cookie that binds a login under way to the browser that started it. */
export const SIGN_IN_FLOW_COOKIE = 'runde_signin_flow';

/** The value of one cookie in a Cookie header, or null. Only our own ids' alphabet is accepted. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      const value = rest.join('=');
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
    }
  }
  return null;
}

/** A Set-Cookie header for our cookies: HttpOnly, SameSite=Lax, Secure on https. */
export function cookieHeader(
  name: string,
  value: string,
  options: { secure: boolean; maxAgeSeconds: number; path?: string },
): string {
  return [
    `${name}=${value}`,
    `Path=${options.path ?? '/'}`,
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

/** A new opaque id for a sign-in or a login under way. */
export const newSignInId = () => randomBytes(24).toString('base64url');

/** The same person at the same provider, whatever their name: never the subject itself. */
export function subjectKeyOf(issuer: string, subject: string): string {
  return createHash('sha256').update(`${issuer} ${subject}`).digest('hex');
}

export interface SignInsDeps {
  store: SessionStore;
  client: OidcClient;
  config: OidcConfig;
  clock: () => number;
  logger: Logger;
}

/** How long one recheck with the provider may take before another node may try again. */
const RECHECK_CLAIM_MS = 30_000;

/** A sign-in as the routes and the handshake use it: the record and its id. */
export interface CurrentSignIn {
  id: string;
  record: SignInRecord;
  /** Set when this very read rechecked the sign-in and the provider named other groups than before. */
  groupsChanged?: boolean;
}

/**
 * Sign-ins kept in the store. A sign-in read after `recheckMs` is confirmed with the provider
 * first (a refresh-token grant); when the provider says no, the sign-in ends at once.
 */
export class SignIns {
  readonly #deps: SignInsDeps;
  readonly #rechecks = new Map<string, Promise<CurrentSignIn | null>>();

  constructor(deps: SignInsDeps) {
    this.#deps = deps;
  }

  async start(identity: ProviderIdentity): Promise<CurrentSignIn> {
    const now = this.#deps.clock();
    const record: SignInRecord = {
      subjectKey: subjectKeyOf(identity.issuer, identity.subject),
      name: identity.name,
      groups: identity.groups,
      refreshToken: identity.refreshToken,
      checkedAt: now,
      expiresAt: now + this.#deps.config.sessionMs,
    };
    const id = newSignInId();
    const { store, config } = this.#deps;
    await store.putSignIn(id, record, config.sessionMs);
    // One person's sign-ins are bounded: past the bound, the oldest ends. One atomic step, so two
    // logins of one person at once can neither drop each other's id nor keep one too many.
    const ended = await store.addSignInOf(record.subjectKey, id, SIGN_INS_PER_SUBJECT, config.sessionMs);
    for (const gone of ended) await store.deleteSignIn(gone);
    return { id, record };
  }

  /**
   * The valid sign-in the Cookie header names, rechecked with the provider when due; null when
   * there is none (no cookie, expired, ended, or refused by the provider). Throws
   * ProviderUnavailableError when a recheck is due and the provider cannot be asked.
   */
  async current(cookie: string | undefined): Promise<CurrentSignIn | null> {
    const id = cookieValue(cookie, SIGN_IN_COOKIE);
    if (!id) return null;
    const record = await this.#deps.store.signIn(id);
    const now = this.#deps.clock();
    if (!record || record.expiresAt <= now) return null;
    if (now - record.checkedAt < this.#deps.config.recheckMs) return { id, record };
    // One recheck per sign-in at a time on this node: two tabs reconnecting together must not both
    // spend the same (rotating) refresh token, which a provider takes for a stolen one.
    const running = this.#rechecks.get(id);
    if (running) return running;
    // On another node, another request may be asking right now: this one goes on with the sign-in
    // as it stands. (The provider revokes the whole grant when a spent refresh token comes again.)
    if (!(await this.#deps.store.claimSignInRecheck(id, RECHECK_CLAIM_MS))) return { id, record };
    const recheck = this.#recheck(id, record, now).finally(() => this.#rechecks.delete(id));
    this.#rechecks.set(id, recheck);
    return recheck;
  }

  async #recheck(id: string, record: SignInRecord, now: number): Promise<CurrentSignIn | null> {
    const confirmed = record.refreshToken ? await this.#deps.client.recheck(record.refreshToken) : null;
    if (!confirmed) {
      // Another node may have rechecked it just now (and spent the token we held): its answer stands.
      const latest = await this.#deps.store.signIn(id);
      if (latest && latest.checkedAt > record.checkedAt && now - latest.checkedAt < this.#deps.config.recheckMs) {
        return { id, record: latest };
      }
      // Removed or disabled at the provider (or no way to ask): this sign-in is over.
      await this.#deps.store.deleteSignIn(id);
      this.#deps.logger.info('sign-in ended: the provider no longer confirms it');
      return null;
    }
    const renewed: SignInRecord = {
      ...record,
      refreshToken: confirmed.refreshToken,
      groups: confirmed.groups ?? record.groups,
      checkedAt: now,
    };
    await this.#deps.store.putSignIn(id, renewed, record.expiresAt - now);
    return { id, record: renewed, groupsChanged: !sameGroups(record.groups, renewed.groups) };
  }

  async end(id: string): Promise<SignInRecord | null> {
    const record = await this.#deps.store.signIn(id);
    await this.#deps.store.deleteSignIn(id);
    return record;
  }
}

function sameGroups(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((g) => left.has(g));
}

export { ProviderUnavailableError };
