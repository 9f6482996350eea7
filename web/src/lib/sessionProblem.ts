import { resolve } from '$app/paths';
import { goto } from '$app/navigation';
import type { SessionProblem } from './liveSession.svelte';
import { forgetSeat } from './seats';

/** The live screens of either kind, each of which sends a code of the other kind to its twin. */
export type KindScreen = '/s/[code]' | '/t/[code]' | '/s/[code]/projector' | '/t/[code]/projector';

export interface ProblemRoute {
  code: string;
  /** The same screen for the other meeting kind, where a `wrong_kind` code belongs. */
  otherKind: KindScreen;
  /**
   * Set when watching by the projector grant rather than a seat: how to drop that grant from this
   * device. The projector pages pass it, so the boards never download the grant's storage.
   */
  forgetGrant?: (code: string) => void;
}

/**
 * What a live page does when the server turns it away: a revoked or forgotten seat (or grant) is
 * dropped from this device, a seat's device is sent to join again (a revoked projector link says so
 * on its own screen instead), and a code of the other kind opens that kind's screen. A seat whose
 * sign-in is missing keeps its seat and signs in on the join page (signing in proves the seat).
 */
export function followProblem(problem: SessionProblem | null, { code, otherKind, forgetGrant }: ProblemRoute): void {
  // A seat that ended (moved, revoked) is forgotten too, but the page stays to say why (`SeatEndedMessage`).
  if (problem === 'unauthorized' || problem === 'deleted' || problem === 'seat_ended') {
    if (forgetGrant) forgetGrant(code);
    else forgetSeat(code);
  }
  if (problem === 'unauthorized' && !forgetGrant) {
    void goto(resolve('/(site)/j/[code]?reason=seat', { code }), { replaceState: true });
  } else if (problem === 'sign_in_required' && !forgetGrant) {
    void goto(resolve('/(site)/j/[code]?reason=sign-in', { code }), { replaceState: true });
  } else if (problem === 'wrong_kind') {
    void goto(resolve(otherKind, { code }), { replaceState: true });
  }
}
