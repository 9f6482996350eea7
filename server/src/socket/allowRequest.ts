import type { ServerOptions } from 'socket.io';
import type { HostPolicy } from '../http/hostPolicy.ts';
import { COMPRESSION_WINDOW_BITS, dropUnacceptableCompressionOffer } from './compressionOffer.ts';

/**
 * Engine.IO's gate for every new connection (the WebSocket handshake included, which never passes
 * through express): the host must be one this deployment serves, and a browser's page must be one
 * of its own, so another site cannot open a socket with a visitor's browser.
 */
export function allowSocketRequest(policy: HostPolicy): NonNullable<ServerOptions['allowRequest']> {
  return (req, callback) => {
    const { host, origin } = req.headers;
    if (!policy.allowsHost(host)) {
      callback('unknown host', false);
      return;
    }
    if (!policy.allowsOrigin(origin, host)) {
      callback('origin not allowed', false);
      return;
    }
    // Before ws reads the offer: a handshake it would refuse goes ahead uncompressed instead.
    dropUnacceptableCompressionOffer(req, COMPRESSION_WINDOW_BITS);
    callback(null, true);
  };
}
