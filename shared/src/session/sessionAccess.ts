import type { Participant } from '../core/participants.ts';

/**
 * Who may hold a seat in a session. Absent: anyone with the join link (the default, always for a
 * Lean Coffee unless its facilitator chooses otherwise). `required`: every seat is bound to an
 * identity provider's subject, and a device proves its seat with its token and a current sign-in
 * of that subject. With `facilitatorGroup`, facilitation follows that group claim at each sign-in.
 */
export interface SessionAccess {
  signIn: 'required';
  facilitatorGroup: string | null;
}

/** Whether a seat is bound to a sign-in (`boundBy: 'sign-in'`) or held by link alone; the member lists show it to facilitators. */
export function seatBinding(participant: Pick<Participant, 'boundBy'>): 'sign-in' | 'link' {
  return participant.boundBy === 'sign-in' ? 'sign-in' : 'link';
}
