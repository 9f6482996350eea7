import type { DomainError } from '../core/decision.ts';
import {
  roleChangeRefusal,
  type Participant,
  type ParticipantEvent,
  type ParticipantId,
  type Role,
} from '../core/participants.ts';
import { ErrorCode } from '../protocol/errors.ts';
import type { AccessSetInput } from '../protocol/signInProtocol.ts';

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

/** A session's access changed: `null` opens it to anyone with the link again. */
export interface AccessChangedEvent {
  type: 'access:changed';
  access: SessionAccess | null;
}

/** A seat was bound to a sign-in: from now on any device where that person signs in is this seat. */
export interface ParticipantBoundEvent {
  type: 'participant:bound';
  participantId: ParticipantId;
}

/** The events of session access, the same in both kinds that have seats of their own. */
export type SessionAccessEvent = AccessChangedEvent | ParticipantBoundEvent;

/** What a session's state holds of its access; both kinds have the same optional field. */
export interface WithAccess {
  participants: readonly Participant[];
  access?: SessionAccess;
}

/** Whether every seat of this session must be bound to a sign-in. */
export function signInRequired(state: Pick<WithAccess, 'access'>): boolean {
  return state.access?.signIn === 'required';
}

/** The facilitator group of a session that requires sign-in, or null when roles are set by hand. */
export function facilitatorGroupOf(state: Pick<WithAccess, 'access'>): string | null {
  return state.access?.facilitatorGroup ?? null;
}

/**
 * Why a role change by hand is refused because of the session's access: with a facilitator group,
 * the group decides who facilitates (at each sign-in), so nobody is promoted by hand. Stepping
 * back stays allowed (the next sign-in decides again).
 */
export function groupRoleRefusal(state: Pick<WithAccess, 'access'>, role: Role): DomainError | undefined {
  if (role === 'facilitator' && facilitatorGroupOf(state) !== null) {
    return {
      code: ErrorCode.forbidden,
      message: 'In this session the sign-in group decides who facilitates.',
    };
  }
  return undefined;
}

/**
 * Why `access:set` is refused, whatever the kind: only a facilitator changes access, and only a
 * facilitator whose own seat is bound to a sign-in may require sign-in (so they cannot lock
 * themselves out). Whether the actor is in the group is a fact only the server knows (it checks
 * it before the command reaches `decide`).
 */
export function accessSetRefusal(
  state: WithAccess,
  actorId: ParticipantId,
  input: AccessSetInput,
): DomainError | undefined {
  const actor = state.participants.find((p) => p.id === actorId);
  if (actor?.role !== 'facilitator') {
    return { code: ErrorCode.forbidden, message: 'Only a facilitator may change who can join.' };
  }
  if (input.signIn && actor.boundBy !== 'sign-in') {
    return { code: ErrorCode.signInRequired, message: 'Sign in first, so you keep your own seat.' };
  }
  if (!input.signIn && input.facilitatorGroup !== null) {
    return { code: ErrorCode.invalidPayload, message: 'A facilitator group needs sign-in to be required.' };
  }
  return undefined;
}

/** Whether this person may change the session's access; the settings show the control exactly then. */
export function mayChangeAccess(state: WithAccess, actorId: ParticipantId, input: AccessSetInput): boolean {
  return accessSetRefusal(state, actorId, input) === undefined;
}

/** The access an `access:set` asks for. */
export function accessOf(input: AccessSetInput): SessionAccess | null {
  return input.signIn ? { signIn: 'required', facilitatorGroup: input.facilitatorGroup } : null;
}

type AccessDecision =
  | { ok: true; events: Array<AccessChangedEvent | ParticipantBoundEvent | ParticipantEvent> }
  | { ok: false; error: DomainError };

/** `access:set`, in either kind: the event, nothing when nothing changes, or why it is refused. */
export function decideAccessSet(state: WithAccess, actorId: ParticipantId, input: AccessSetInput): AccessDecision {
  const refusal = accessSetRefusal(state, actorId, input);
  if (refusal) return { ok: false, error: refusal };
  const access = accessOf(input);
  const same =
    (state.access ?? null) === null
      ? access === null
      : access !== null && access.facilitatorGroup === state.access?.facilitatorGroup;
  return { ok: true, events: same ? [] : [{ type: 'access:changed', access }] };
}

/**
 * The server's `participant:bind` after a sign-in proved this seat: the seat is bound (once), and
 * with a facilitator group (`facilitates` not null) its role follows the group. A role the rules
 * keep (the session's last facilitator, the creator's seat) stays as it is.
 */
export function decideBind(
  participants: readonly Participant[],
  command: { participantId: ParticipantId; facilitates: boolean | null },
): AccessDecision {
  const target = participants.find((p) => p.id === command.participantId);
  if (!target) return { ok: false, error: { code: ErrorCode.notFound, message: 'No such participant.' } };
  const events: Array<ParticipantBoundEvent | ParticipantEvent> = [];
  if (target.boundBy !== 'sign-in') events.push({ type: 'participant:bound', participantId: target.id });
  if (command.facilitates !== null) {
    const role: Role = command.facilitates ? 'facilitator' : 'participant';
    if (target.role !== role && roleChangeRefusal(participants, target, role) === undefined) {
      events.push({ type: 'participant:role-changed', participantId: target.id, role });
    }
  }
  return { ok: true, events };
}

/** Folds `participant:bound` into a list of participants. */
export function applyBound(participants: Participant[], event: ParticipantBoundEvent): Participant[] {
  return participants.map((p) => (p.id === event.participantId ? { ...p, boundBy: 'sign-in' as const } : p));
}

/** Folds an access event into a state of either kind. */
export function applyAccess<S extends { participants: Participant[]; access?: SessionAccess }>(
  state: S,
  event: SessionAccessEvent,
): S {
  if (event.type === 'participant:bound') return { ...state, participants: applyBound(state.participants, event) };
  if (event.access === null) {
    const { access: _dropped, ...rest } = state;
    return rest as S;
  }
  return { ...state, access: event.access };
}

/**
 * Why a join is refused because of the session's access: a session that requires sign-in seats
 * only through a sign-in (`boundBy: 'sign-in'`), never by link and name alone.
 */
export function joinAccessRefusal(
  state: Pick<WithAccess, 'access'>,
  command: { boundBy?: 'sign-in' },
): DomainError | undefined {
  return signInRequired(state) && command.boundBy !== 'sign-in'
    ? { code: ErrorCode.signInRequired, message: 'This session requires signing in.' }
    : undefined;
}
