import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * Browser features no page of Runde uses. Denying them means an injected script, or a page that
 * frames ours, cannot ask for them either. Left alone on purpose: `clipboard-write` (the share
 * panel copies the join link), `autoplay` (the timer's beep plays through an AudioContext the
 * person unlocked) and `fullscreen`; vibration is not a policy-controlled feature. Only names
 * Chromium knows (not `bluetooth`, for one), since it reports an unknown one on every page.
 */
const DENIED_FEATURES = [
  'accelerometer',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'serial',
  'usb',
] as const;

export const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ');

/**
 * The policy for every response that is not a page of the web app: JSON, static files, health and
 * Socket.IO answers. Nothing in them may load, run or be framed. The web app's pages replace it
 * with their own policy (`kit.csp` in web/svelte.config.js), which SvelteKit sets per page.
 */
export const STRICT_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export interface SecurityHeaderOptions {
  /**
   * Send Strict-Transport-Security. Only when the public address is https: a browser ignores it
   * over http, and on a plain-http deployment it would only promise what the site cannot keep.
   */
  hsts: boolean;
}

/** HSTS lifetime: one year, the usual value; subdomains of Runde's own host are included. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/**
 * Security headers for every HTTP response, as plain Node middleware so that both express and
 * Engine.IO (`io.engine.use`, which answers `/socket.io/` itself) can run it.
 */
export function securityHeaders(options: SecurityHeaderOptions): Middleware {
  const fromHelmet = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // Join paths carry the session code: no other site may learn them from a Referer header.
    referrerPolicy: { policy: 'no-referrer' },
    // For browsers that predate `frame-ancestors`; the facilitator board must never be framed.
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: options.hsts ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : false,
  });
  return (req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    fromHelmet(req, res, next);
  };
}

/**
 * A 304 updates the headers a browser stored with the page it revalidated (RFC 9111 §4.3.4).
 * SvelteKit answers a revalidated page with 304 and without the page's own policy, so the strict
 * policy set for every response would replace it, and the page, loaded from the cache, would then
 * block its own scripts and styles. A 304 therefore carries no Content-Security-Policy: the stored
 * one stays as it was sent with the page.
 */
export function keepStoredPolicyOnNotModified(): Middleware {
  return (_req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
      if (args[0] === 304) this.removeHeader('Content-Security-Policy');
      return writeHead.apply(this, args);
    } as ServerResponse['writeHead'];
    next();
  };
}
