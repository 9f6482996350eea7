import {
  seatBinding,
  type Ack,
  type Participant,
  type SeatDeviceRevoked,
  type SeatDevices,
  type SeatLink,
  type SeatLinkMode,
  type SessionKind,
} from '@runde/shared/client';

/** What the seat dialogs ask of the live session (`LiveSession` has it all). */
export interface SeatHost {
  readonly problem: string | null;
  seatLink(mode: SeatLinkMode): Promise<Ack<SeatLink>>;
  reissueSeat(participantId: string, revokeOthers: boolean): Promise<Ack<SeatLink>>;
  seatDevices(): Promise<Ack<SeatDevices>>;
  revokeSeatDevice(deviceId: string): Promise<Ack<SeatDeviceRevoked>>;
  serverNow(): number;
}

/** Where a seat's dialogs send the other device: the session's kind and its join code. */
export interface SeatPlace {
  host: SeatHost;
  kind: Extract<SessionKind, 'lean-coffee' | 'team-space'>;
  code: string;
}

/**
 * The whole address a seat link opens (`seatLinkPath` in shared): the secret only in the fragment,
 * which a browser never sends to a server.
 */
export function seatLinkUrl(origin: string, kind: SeatPlace['kind'], code: string, secret: string): string {
  return `${origin}/${kind === 'team-space' ? 't' : 's'}/${encodeURIComponent(code)}/device#seat=${secret}`;
}

/** The link's end on this device's clock (the server's `expiresAt` is on the server's). */
export function localExpiry(link: Pick<SeatLink, 'expiresAt'>, serverNow: number, now = Date.now()): number {
  return link.expiresAt - (serverNow - now);
}

/** The seat link's secret from a device page's fragment (`#seat=…`), or '' without one. */
export function seatSecretOf(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('seat') ?? '';
}

/**
 * Whether the member list shows "Sign-in" / "Link" per seat: to facilitators, once anyone holds a
 * seat by sign-in. Before that every seat is held by link, and the badges would only repeat it.
 */
export function showsSeatBinding(people: readonly Pick<Participant, 'boundBy'>[], facilitates: boolean): boolean {
  return facilitates && people.some((p) => seatBinding(p) === 'sign-in');
}
