import type { SeatEndedNotice } from '@runde/shared/client';
import type { ConnectionStatus, RefusedCommand, SessionProblem, TimerHost } from './liveSession.svelte';

/** What the page shells read of a live client of either kind (`LiveSession` has it all). */
export interface SessionPageClient extends TimerHost {
  readonly state: { readonly title: string } | null;
  readonly status: ConnectionStatus;
  readonly problem: SessionProblem | null;
  /** Why this device lost its seat, with the problem `seat_ended`. */
  readonly seatEnded: SeatEndedNotice | null;
  readonly unsent: number;
  readonly refused: readonly RefusedCommand[];
  dismissRefused(commandId: string): void;
}
