import { timingSafeEqual, createHash } from 'node:crypto';
import { BlockList, isIPv4 } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** Loopback, and the ranges a city's internal network (or a container network) uses. */
const internal = new BlockList();
internal.addSubnet('127.0.0.0', 8, 'ipv4');
internal.addSubnet('10.0.0.0', 8, 'ipv4');
internal.addSubnet('172.16.0.0', 12, 'ipv4');
internal.addSubnet('192.168.0.0', 16, 'ipv4');
internal.addSubnet('169.254.0.0', 16, 'ipv4');
internal.addAddress('::1', 'ipv6');
internal.addSubnet('fc00::', 7, 'ipv6');
internal.addSubnet('fe80::', 10, 'ipv6');

/** Whether an address (as a socket reports it, IPv4 possibly mapped into IPv6) is loopback or private. */
export function isInternalAddress(address: string | undefined): boolean {
  if (!address) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const plain = mapped ?? address;
  try {
    return internal.check(plain, isIPv4(plain) ? 'ipv4' : 'ipv6');
  } catch {
    return false;
  }
}

/**
 * Who may read `/metrics`. With a token: whoever sends it as a bearer token, from anywhere. Without:
 * only a scraper on this machine or the internal network, judged by the TCP peer, never by
 * X-Forwarded-For (anyone can write that). A request that came through a proxy (it carries
 * X-Forwarded-For or Forwarded) is refused even from an internal peer: nginx is such a peer, and
 * would otherwise hand the metrics to the internet.
 */
export function mayScrape(req: IncomingMessage, token: string | undefined): boolean {
  if (token !== undefined) return bearerMatches(req.headers.authorization, token);
  if (req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined) return false;
  return isInternalAddress(req.socket.remoteAddress);
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const sent = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (sent === undefined) return false;
  // Hashes have one length, so the comparison takes the same time whatever was sent.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(sent), digest(token));
}
