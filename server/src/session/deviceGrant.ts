import type { SeatDeviceVia } from '@runde/shared';
import type { TokenGrant } from '../store/sessionStore.ts';

/**
 * A token grant that records its device: every path that hands a device a token goes through
 * here, so each device shows in its seat's device list (and can be revoked on its own). A device
 * that gave no label is listed by how it came (the web names it).
 */
export function deviceGrant(
  tokenHash: string,
  participantId: string,
  device: { via: SeatDeviceVia; label: string | undefined; now: number },
): TokenGrant & Required<Pick<TokenGrant, 'device'>> {
  return { tokenHash, participantId, device: { label: device.label ?? '', via: device.via, addedAt: device.now } };
}
