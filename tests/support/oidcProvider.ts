/**
 * A real OpenID Connect provider for tests (`oidc-provider`, on 127.0.0.1 and a random port).
 *
 * API:
 * - `startOidcProvider(options?)` → {@link TestOidcProvider}. Users: `ana` (name "Ana Admin", groups
 *   [`runde-moderation`]) and `ben` ("Ben Member", no groups), or `options.users` (user names are
 *   login names; hostile display names go in `name`). One confidential client
 *   (`client_secret_basic`, PKCE required, refresh tokens issued without offline_access), the
 *   `groups` claim in the id_token (scope `groups`), consent skipped.
 * - `provider.allowRedirect(uri)`: registers the app's callback (`<app>/api/auth/callback`). Call it
 *   once the app listens, before the first login (it rebuilds the provider, so logins under way end).
 * - `provider.appConfig(overrides?)`: the app's `oidc` config (`AppConfig['oidc']`) for this provider.
 * - Login without a form: the provider's interaction page `/interaction/<uid>` lists one link per
 *   user ("Sign in as ana", "Sign in as ben"): a browser test clicks one by role and name; an HTTP
 *   test calls {@link signInOverHttp} (or `/interaction/<uid>?login=ana`).
 * - `provider.removeUser(name)`: the user is gone; their refresh grants then fail (the app's recheck).
 * - `provider.setGroups(name, groups)`: the user's groups from now on (the app's recheck sees them).
 * - `provider.tamperNextIdToken(rewrite)`: the next token response's id_token goes through `rewrite`
 *   first. Rewrites: `provider.forged(token)` (same claims, signed with a key the provider never
 *   published, same `kid`), `provider.expired(token)` (signed by the provider, expired an hour ago),
 *   `other.reissued(token)` (a second provider's: same claims, its issuer, its key).
 * - `provider.close()`.
 *
 * {@link CookieJar} + {@link signInOverHttp} drive the whole redirect dance over real HTTP.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import Provider, { type KoaContext } from 'oidc-provider';
import type { OidcConfig } from '@runde/server';

export interface TestUser {
  name: string;
  groups: string[];
}

export const TEST_USERS: Readonly<Record<string, TestUser>> = {
  ana: { name: 'Ana Admin', groups: ['runde-moderation'] },
  ben: { name: 'Ben Member', groups: [] },
};

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowRedirect(uri: string): void;
  appConfig(overrides?: Partial<TestOidcAppConfig>): TestOidcAppConfig;
  removeUser(name: string): void;
  setGroups(name: string, groups: string[]): void;
  tamperNextIdToken(rewrite: (idToken: string) => Promise<string>): void;
  forged(idToken: string): Promise<string>;
  expired(idToken: string): Promise<string>;
  reissued(idToken: string): Promise<string>;
  close(): Promise<void>;
}

/** The server's own `OidcConfig`, as a type only: the helper (and its screenshot process) loads no server code. */
export type TestOidcAppConfig = OidcConfig;

const ALG = 'RS256';

export async function startOidcProvider(
  options: { clientId?: string; users?: Readonly<Record<string, TestUser>> } = {},
): Promise<TestOidcProvider> {
  const users = new Map(Object.entries(options.users ?? TEST_USERS));
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk: JWK = {
    ...(await exportJWK(privateKey)),
    kid: `k-${Math.random().toString(36).slice(2)}`,
    alg: ALG,
    use: 'sig',
  };
  const clientId = options.clientId ?? 'runde-test';
  const clientSecret = 'a-long-enough-client-secret-for-tests-0123456789';
  const redirectUris: string[] = [];
  let tamper: ((idToken: string) => Promise<string>) | null = null;
  let provider: Provider | null = null;

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function build(): Provider {
    const p = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: redirectUris.length > 0 ? redirectUris : ['http://127.0.0.1/unused'],
          // Sign-out returns to the app's start page (`PUBLIC_URL/`).
          post_logout_redirect_uris: redirectUris.map((uri) => `${new URL(uri).origin}/`),
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
          id_token_signed_response_alg: ALG,
        },
      ],
      jwks: { keys: [jwk] },
      pkce: { required: () => true },
      claims: { openid: ['sub'], profile: ['name'], groups: ['groups'] },
      // The groups claim goes into the id_token itself, not only to userinfo.
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(type: string): boolean }) =>
        client.grantTypeAllowed('refresh_token'),
      rotateRefreshToken: true,
      cookies: { keys: ['test-cookie-key-0123456789'] },
      findAccount: async (_ctx: unknown, id: string) => {
        const user = users.get(id);
        return user
          ? { accountId: id, claims: async () => ({ sub: id, name: user.name, groups: user.groups }) }
          : undefined;
      },
      // Consent is not what these tests are about: every requested scope is granted.
      loadExistingGrant: async (ctx: KoaContext) => {
        const clientKey = ctx.oidc.client?.clientId ?? '';
        const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(clientKey);
        if (grantId) return ctx.oidc.provider.Grant.find(grantId);
        const grant = new ctx.oidc.provider.Grant({
          clientId: clientKey,
          accountId: ctx.oidc.session?.accountId ?? '',
        });
        grant.addOIDCScope('openid profile groups offline_access');
        grant.addOIDCClaims(['name', 'groups']);
        await grant.save();
        return grant;
      },
    });
    p.use(async (ctx, next) => {
      await next();
      const body = ctx.body as { id_token?: unknown } | undefined;
      if (ctx.path === '/token' && tamper && body && typeof body.id_token === 'string') {
        const rewrite = tamper;
        tamper = null;
        ctx.body = { ...body, id_token: await rewrite(body.id_token) };
      }
    });
    return p;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    provider ??= build();
    const url = new URL(req.url ?? '/', issuer);
    const match = /^\/interaction\/([^/]+)$/.exec(url.pathname);
    if (!match) {
      provider.callback()(req, res);
      return;
    }
    const details = await provider.interactionDetails(req, res);
    const login = url.searchParams.get('login');
    if (login && users.has(login)) {
      await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
      return;
    }
    // No form: one link per user, found by role and name in a browser.
    const links = [...users.keys()]
      .map((name) => `<li><a href="/interaction/${details.uid}?login=${name}">Sign in as ${name}</a></li>`)
      .join('');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><html lang="en"><title>Test provider</title><main><h1>Test provider</h1><ul>${links}</ul></main></html>`,
    );
  }

  const resign = async (idToken: string, claims: Record<string, unknown>, key: CryptoKey, kid: string | undefined) =>
    new SignJWT({ ...decodeJwt(idToken), ...claims })
      .setProtectedHeader({ alg: ALG, ...(kid ? { kid } : {}) })
      .sign(key);

  return {
    issuer,
    clientId,
    clientSecret,
    allowRedirect(uri) {
      if (!redirectUris.includes(uri)) redirectUris.push(uri);
      provider = null;
    },
    appConfig(overrides = {}) {
      return {
        issuer,
        clientId,
        clientSecret,
        label: 'Test SSO',
        scopes: 'openid profile groups',
        groupsClaim: 'groups',
        recheckMs: 300_000,
        sessionMs: 10 * 60 * 60 * 1000,
        ...overrides,
      };
    },
    removeUser(name) {
      users.delete(name);
    },
    setGroups(name, groups) {
      const user = users.get(name);
      if (!user) throw new Error(`No test user ${name}`);
      users.set(name, { ...user, groups: [...groups] });
    },
    tamperNextIdToken(rewrite) {
      tamper = rewrite;
    },
    async forged(idToken) {
      const { privateKey: stranger } = await generateKeyPair(ALG);
      return resign(idToken, {}, stranger, decodeProtectedHeader(idToken).kid);
    },
    async expired(idToken) {
      const now = Math.floor(Date.now() / 1000);
      return resign(idToken, { iat: now - 7200, exp: now - 3600 }, privateKey, jwk.kid);
    },
    async reissued(idToken) {
      return resign(idToken, { iss: issuer }, privateKey, jwk.kid);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Cookies per origin, as a browser keeps them (paths and expiry beyond Max-Age=0 are not needed here). */
export class CookieJar {
  readonly #cookies = new Map<string, Map<string, string>>();

  header(url: string): string {
    const jar = this.#cookies.get(new URL(url).host);
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  }

  /** Puts a cookie in as if `url` had set it (a cookie planted by someone else, say). */
  set(url: string, name: string, value: string): void {
    const host = new URL(url).host;
    const jar = this.#cookies.get(host) ?? new Map<string, string>();
    this.#cookies.set(host, jar.set(name, value));
  }

  take(url: string, response: Response): void {
    const host = new URL(url).host;
    const jar = this.#cookies.get(host) ?? new Map<string, string>();
    this.#cookies.set(host, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', ...rest] = pair.trim().split('=');
      const removed = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (removed || rest.join('=') === '') jar.delete(name);
      else jar.set(name, rest.join('='));
    }
  }

  /** One request with this jar's cookies; redirects are not followed. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.header(url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.take(url, response);
    return response;
  }

  /** Follows redirects from `url` with this jar until `stop` says so or a non-redirect answer comes. */
  async follow(url: string, stop: (url: URL) => boolean = () => false): Promise<{ url: string; response: Response }> {
    let current = url;
    for (let hop = 0; hop < 20; hop += 1) {
      const response = await this.fetch(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      current = new URL(location, current).toString();
      if (stop(new URL(current))) return { url: current, response };
    }
    throw new Error('too many redirects');
  }
}

/**
 * The whole login over real HTTP: the app's `/api/auth/login`, the provider's authorization
 * endpoint, its interaction (logged in as `user` without a form), and back to the app's callback.
 * Returns where the app sent the browser in the end (`returnTo`, maybe with `#signin-error=…`).
 * `beforeCallback` may look at (or replace) the callback URL before the browser goes there.
 */
export async function signInOverHttp(
  jar: CookieJar,
  appUrl: string,
  user: string,
  options: { returnTo?: string; beforeCallback?: (callback: string) => string } = {},
): Promise<string> {
  const start = `${appUrl}/api/auth/login?returnTo=${encodeURIComponent(options.returnTo ?? '/')}`;
  const atInteraction = await jar.follow(start, (u) => u.pathname.startsWith('/interaction/'));
  const toCallback = await jar.follow(
    `${atInteraction.url}?login=${encodeURIComponent(user)}`,
    (u) => u.pathname === '/api/auth/callback',
  );
  const callback = options.beforeCallback ? options.beforeCallback(toCallback.url) : toCallback.url;
  const answer = await jar.fetch(callback);
  const location = answer.headers.get('location');
  if (!location) throw new Error(`the callback answered ${answer.status} without a redirect`);
  return location;
}
