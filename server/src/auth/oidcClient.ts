import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import type { OidcConfig } from '../config.ts';
import { providerName } from './providerName.ts';

/** What the provider said about a person, reduced to what Runde keeps. */
export interface ProviderIdentity {
  /** The issuer and subject, as the provider vouched for them in a verified id_token. */
  issuer: string;
  subject: string;
  name: string;
  groups: string[];
  refreshToken: string | null;
}

/** A login about to start: where to send the browser, and what the callback must check. */
export interface LoginStart {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The provider could not be reached or did not answer as OpenID Connect requires. */
export class ProviderUnavailableError extends Error {
  override name = 'ProviderUnavailableError';
}

/**
 * The one identity provider, through `openid-client`: discovered lazily on first use (a provider
 * that is down when Runde starts must not stop Runde), and again after a failed discovery.
 */
export class OidcClient {
  readonly #config: OidcConfig;
  readonly #logger: Logger;
  #discovered: Promise<oidc.Configuration> | undefined;

  constructor(config: OidcConfig, logger: Logger) {
    this.#config = config;
    this.#logger = logger;
  }

  get label(): string {
    return this.#config.label;
  }

  async #configuration(): Promise<oidc.Configuration> {
    this.#discovered ??= oidc
      .discovery(
        new URL(this.#config.issuer),
        this.#config.clientId,
        undefined,
        oidc.ClientSecretBasic(this.#config.clientSecret),
        // A provider on plain http only on the operator's own choice (a local test provider).
        // Non-repudiation checks: the id_token's signature is verified against the issuer's
        // published keys too, not only trusted for arriving over the token endpoint's TLS.
        this.#config.issuer.startsWith('http:')
          ? { execute: [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks], timeout: 5 }
          : { execute: [oidc.enableNonRepudiationChecks], timeout: 5 },
      )
      .catch((err: unknown) => {
        // Forgotten, so the next sign-in tries again.
        this.#discovered = undefined;
        this.#logger.warn({ err: errorName(err) }, 'identity provider discovery failed');
        throw new ProviderUnavailableError('The identity provider cannot be reached.');
      });
    return this.#discovered;
  }

  /** The redirect to the provider, with a fresh state, nonce and PKCE verifier (S256). */
  async startLogin(redirectUri: string): Promise<LoginStart> {
    const config = await this.#configuration();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: this.#config.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state, nonce, codeVerifier };
  }

  /**
   * Trades the callback's code for tokens and verifies the id_token (signature by the issuer's
   * keys, issuer, audience, expiry, nonce), the state and the PKCE verifier. Throws on any mismatch.
   */
  async finishLogin(
    currentUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<ProviderIdentity> {
    const config = await this.#configuration();
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('The provider sent no id_token');
    return {
      issuer: claims.iss,
      subject: claims.sub,
      name: nameOf(claims),
      groups: groupsOf(claims[this.#config.groupsClaim]),
      refreshToken: tokens.refresh_token ?? null,
    };
  }

  /**
   * Asks the provider whether the sign-in still holds (a refresh-token grant). Null when it does
   * not: the person was removed or disabled, or the grant was revoked.
   */
  async recheck(refreshToken: string): Promise<{ refreshToken: string; groups: string[] | null } | null> {
    const config = await this.#configuration();
    try {
      const tokens = await oidc.refreshTokenGrant(config, refreshToken);
      const claims = tokens.claims();
      return {
        refreshToken: tokens.refresh_token ?? refreshToken,
        groups: claims ? groupsOf(claims[this.#config.groupsClaim]) : null,
      };
    } catch (err) {
      // The provider answered, and said no: the sign-in ends. Not reachable: the caller says so.
      if (err instanceof oidc.ResponseBodyError) return null;
      throw new ProviderUnavailableError('The identity provider cannot be reached.');
    }
  }

  /**
   * The provider's end-session URL, or null when it has none. By client id, not `id_token_hint`:
   * keeping the id_token would keep every claim the provider put in it (an e-mail address, say),
   * and Runde keeps only the subject and a name. The provider sends the browser back to `returnTo`
   * (register it as a post-logout redirect URI).
   */
  async endSessionUrl(returnTo: string): Promise<string | null> {
    const config = await this.#configuration().catch(() => null);
    if (!config?.serverMetadata().end_session_endpoint) return null;
    return oidc
      .buildEndSessionUrl(config, { client_id: this.#config.clientId, post_logout_redirect_uri: returnTo })
      .toString();
  }
}

function nameOf(claims: oidc.IDToken): string {
  for (const key of ['name', 'preferred_username', 'given_name'] as const) {
    const value = claims[key];
    const name = typeof value === 'string' ? providerName(value) : '';
    if (name !== '') return name;
  }
  return '';
}

/** A groups claim as providers send it: a list of strings (others are ignored), bounded. */
function groupsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((g): g is string => typeof g === 'string' && g.length <= 200).slice(0, 200);
}

function errorName(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : 'unknown';
}
