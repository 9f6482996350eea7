/**
 * Which `Host` a request may name and which page `Origin` may open a socket. Without `PUBLIC_URL`
 * links are built from the Host header, so an unknown host is refused rather than echoed into a
 * join link; and a WebSocket is a cross-site request a browser makes for any page, so only pages
 * of this site may open one.
 */

/**
 * Names that only reach this machine, on any port: always answered, so `npm start`, `npm run dev`
 * (Vite proxies from its own port) and a health probe inside a container need no configuration.
 * A DNS-rebinding page still names its own host, never one of these.
 */
const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `host` or `host:port` as a Host header carries it; a bracketed IPv6 address counts as a host. */
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i;

/** A host name as ALLOWED_HOSTS lists it: no scheme, no port, no path. */
export const HOSTNAME = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/i;

export interface HostPolicyOptions {
  /** Its host and origin are always allowed. */
  publicUrl?: string;
  /** More host names to answer to (ALLOWED_HOSTS); `any` answers every host, as before this check. */
  allowedHosts?: readonly string[] | 'any';
  /** More page origins that may open a socket (ALLOWED_ORIGINS), e.g. `https://runde.example.org`. */
  allowedOrigins?: readonly string[];
}

export interface HostPolicy {
  /** Whether a request naming this Host header is answered. */
  allowsHost(host: string | undefined): boolean;
  /**
   * Whether a socket may open from a page at `origin` to a request naming `host`. No Origin
   * header: not a browser (browsers always send one on a WebSocket), and such a client could send
   * any Origin anyway. Otherwise the origin is listed, or is the very host the request names.
   */
  allowsOrigin(origin: string | undefined, host: string | undefined): boolean;
}

/** The host name of a Host header, lowercased, or undefined when it is not one. */
export function hostnameOf(host: string | undefined): string | undefined {
  const match = host === undefined ? null : HOST_HEADER.exec(host);
  return match?.[1]?.toLowerCase();
}

/** The `scheme://host[:port]` of a URL with an http(s) scheme, default ports left out. */
function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

export function createHostPolicy(options: HostPolicyOptions): HostPolicy {
  const anyHost = options.allowedHosts === 'any';
  const hostnames = new Set(LOOPBACK_HOSTNAMES);
  const origins = new Set<string>();
  if (options.publicUrl) {
    hostnames.add(new URL(options.publicUrl).hostname.toLowerCase());
    const origin = originOf(options.publicUrl);
    if (origin) origins.add(origin);
  }
  if (Array.isArray(options.allowedHosts)) {
    for (const name of options.allowedHosts) hostnames.add(name.toLowerCase());
  }
  for (const listed of options.allowedOrigins ?? []) {
    const origin = originOf(listed);
    if (origin) origins.add(origin);
  }

  const allowsHost = (host: string | undefined): boolean => {
    const hostname = hostnameOf(host);
    if (hostname === undefined) return false;
    return anyHost || hostnames.has(hostname);
  };

  return {
    allowsHost,
    allowsOrigin(origin, host) {
      if (origin === undefined) return true;
      const normalized = originOf(origin);
      if (normalized === undefined) return false;
      if (origins.has(normalized)) return true;
      // Same origin: the page came from the host this request names (default ports compared alike).
      if (host === undefined || hostnameOf(host) === undefined) return false;
      return originOf(`${new URL(normalized).protocol}//${host}`) === normalized;
    },
  };
}
