import type { SystemCommand } from '../protocol/commands.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { limits } from '../protocol/limits.ts';
import { nameKey } from '../protocol/textCleaning.ts';
import type { DomainError, IdKind } from './decision.ts';

export type ParticipantId = string;
export type Role = 'facilitator' | 'participant';

/** A seat in a session of any kind. */
export interface Participant {
  id: ParticipantId;
  name: string;
  role: Role;
  online: boolean;
  joinedAt: number;
  /**
   * Set once the seat is bound to an identity provider's subject (single sign-on): any device where
   * that person signs in is this seat. Absent: the seat is held by link (its devices' tokens) alone.
   * The subject itself is never in the state; the server keeps only its hash.
   */
  boundBy?: 'sign-in';
}

/** The seat a copy of the state (or of an event) is made for. */
export interface Viewer {
  participantId: ParticipantId;
}

/** The events about people, the same in every kind of session. */
export type ParticipantEvent =
  | { type: 'participant:joined'; participant: Participant }
  | { type: 'participant:renamed'; participantId: ParticipantId; name: string }
  | { type: 'participant:presence-changed'; participantId: ParticipantId; online: boolean }
  | { type: 'participant:role-changed'; participantId: ParticipantId; role: Role };

/** Folds one participant event into a list of participants. */
export function applyToParticipants(participants: Participant[], event: ParticipantEvent): Participant[] {
  switch (event.type) {
    case 'participant:joined':
      return [...participants, event.participant];
    case 'participant:renamed':
      return participants.map((p) => (p.id === event.participantId ? { ...p, name: event.name } : p));
    case 'participant:presence-changed':
      return participants.map((p) => (p.id === event.participantId ? { ...p, online: event.online } : p));
    case 'participant:role-changed':
      return participants.map((p) => (p.id === event.participantId ? { ...p, role: event.role } : p));
  }
}

/** A new seat: offline until a socket of theirs connects. */
export function newParticipant(
  name: string,
  role: Role,
  ctx: { now: number; newId: (kind: IdKind) => string },
): Participant {
  return { id: ctx.newId('participant'), name, role, online: false, joinedAt: ctx.now };
}

/**
 * The seat that opened the session: `createSession`/`createTeamSpace` seat it first and seats are
 * never removed, so it is always the first. The facilitator link belongs to this seat.
 */
export function creatorId(participants: readonly Participant[]): ParticipantId | undefined {
  return participants[0]?.id;
}

/**
 * Why a role change is refused, whatever the kind of session: the creator's seat stays a
 * facilitator (so the facilitator link always restores full facilitation, and a promoted
 * co-facilitator cannot lock the creator out), and a session keeps at least one facilitator.
 */
export function roleChangeRefusal(
  participants: readonly Participant[],
  target: Participant,
  role: Role,
): DomainError | undefined {
  if (role !== 'participant') return undefined;
  if (participants.filter((p) => p.role === 'facilitator').length <= 1) {
    return { code: ErrorCode.invalidState, message: 'A session needs at least one facilitator.' };
  }
  if (target.id === creatorId(participants)) {
    return { code: ErrorCode.forbidden, message: 'The seat that opened the session stays a facilitator.' };
  }
  return undefined;
}

/**
 * Why a name cannot be taken: someone else in the session already goes by it, compared by
 * {@link nameKey}, so "ana", "Ana" and "Ana" with a zero-width space are one name. Two people with
 * one name would let anyone pass as the facilitator in lists, rounds and the minutes.
 */
export function nameRefusal(
  participants: readonly Participant[],
  name: string,
  self?: ParticipantId,
): DomainError | undefined {
  const key = nameKey(name);
  const taken = participants.some((p) => p.id !== self && nameKey(p.name) === key);
  return taken ? { code: ErrorCode.nameTaken, message: 'Someone here already goes by this name.' } : undefined;
}

/** The rename event, or why the name is refused; the same in every kind of session. */
export function renameParticipant(
  participants: readonly Participant[],
  participantId: ParticipantId,
  name: string,
): { ok: true; events: ParticipantEvent[] } | { ok: false; error: DomainError } {
  const refusal = nameRefusal(participants, name, participantId);
  if (refusal) return { ok: false, error: refusal };
  return { ok: true, events: [{ type: 'participant:renamed', participantId, name }] };
}

/**
 * What opening the facilitator link does on a device, decided by the server alone: a device
 * without a seat (or holding the link's own seat) takes the link's seat; a device holding another
 * seat is asked first, and then either that seat facilitates (and stays this device's seat) or the
 * device moves to the link's seat. Either way the seat that ends up facilitating is `grant`.
 */
export function facilitatorLinkClaim(
  linkSeat: ParticipantId,
  ownSeat: ParticipantId | undefined,
  choice: 'own-seat' | 'link-seat' | undefined,
): { grant: ParticipantId; newToken: boolean } | { ask: true } {
  if (ownSeat === undefined || ownSeat === linkSeat) return { grant: linkSeat, newToken: ownSeat === undefined };
  if (choice === 'own-seat') return { grant: ownSeat, newToken: false };
  if (choice === 'link-seat') return { grant: linkSeat, newToken: true };
  return { ask: true };
}

/**
 * Whether `actor` may give `target` this role (a change, not a repeat), whatever the kind of
 * session: only facilitators change roles, and {@link roleChangeRefusal} holds, the rule `decide`
 * applies. The member lists offer exactly these changes (a unit test holds the two equal).
 */
export function mayChangeRole(
  participants: readonly Participant[],
  actorId: ParticipantId,
  target: Participant,
  role: Role,
): boolean {
  const actor = participants.find((p) => p.id === actorId);
  if (actor?.role !== 'facilitator' || target.role === role) return false;
  return roleChangeRefusal(participants, target, role) === undefined;
}

type PeopleResult = { ok: true; events: ParticipantEvent[] } | { ok: false; error: DomainError };

/** The server's own commands about people (a join over HTTP, presence from sockets), in any kind of session. */
export function decidePeople(
  participants: readonly Participant[],
  command: Extract<
    SystemCommand,
    { type: 'participant:join' | 'participant:presence' | 'participant:reinstate-facilitator' }
  >,
  ctx: { now: number; newId: (kind: IdKind) => string },
  capacity: number = limits.participantsPerSession,
): PeopleResult {
  if (command.type === 'participant:join') {
    if (participants.length >= capacity) {
      return { ok: false, error: { code: ErrorCode.sessionFull, message: 'This session is full.' } };
    }
    const refusal = nameRefusal(participants, command.name);
    if (refusal) return { ok: false, error: refusal };
    const participant = newParticipant(command.name, command.role, ctx);
    return {
      ok: true,
      events: [
        {
          type: 'participant:joined',
          participant: command.boundBy ? { ...participant, boundBy: command.boundBy } : participant,
        },
      ],
    };
  }
  const participant = participants.find((p) => p.id === command.participantId);
  if (!participant) return { ok: false, error: { code: ErrorCode.notFound, message: 'No such participant.' } };
  if (command.type === 'participant:reinstate-facilitator') {
    // A real event, so every device sees the seat facilitate again (not only the claiming device).
    return participant.role === 'facilitator'
      ? { ok: true, events: [] }
      : {
          ok: true,
          events: [{ type: 'participant:role-changed', participantId: participant.id, role: 'facilitator' }],
        };
  }
  if (participant.online === command.online) return { ok: true, events: [] };
  return {
    ok: true,
    events: [{ type: 'participant:presence-changed', participantId: participant.id, online: command.online }],
  };
}

/**
 * The name an action's owner is shown with: a chosen participant's name wins over typed text, and
 * typed text stands for someone who is not here. One rule for Lean Coffee outcomes and LOOP actions.
 */
export function ownerNameFor(
  participants: readonly Participant[],
  ownerId: ParticipantId | null,
  typed: string | null,
): string | null {
  if (ownerId) return participants.find((p) => p.id === ownerId)?.name ?? null;
  return typed || null;
}
