import type { ParticipantId } from '../core/participants.ts';
import { personalRooms, type Tension } from './state.ts';

/**
 * Whether a tension's content (title, description, agreement) is private: it sits in a personal
 * room (individual or relationship) and the group has not marked it shareable.
 */
export function isPrivateTension(tension: Pick<Tension, 'room' | 'shareable'>): boolean {
  return personalRooms.includes(tension.room) && !tension.shareable;
}

/**
 * Who may read a tension's content: everyone unless it is private; then its holder and the members
 * present at a meeting of its room while it was open (`readers`). Facilitators get no more than
 * that: like hidden votes, personal content is masked towards them too. The same rule masks
 * snapshots, events, sync answers, the projector (a member's seat) and the minutes, which are
 * written from a member's copy.
 */
export function mayReadTension(
  tension: Pick<Tension, 'room' | 'shareable' | 'authorId' | 'readers'>,
  viewerId: ParticipantId,
): boolean {
  return !isPrivateTension(tension) || tension.authorId === viewerId || tension.readers.includes(viewerId);
}

/**
 * Everyone who may read a tension's content, for an event that carries it (`null`: everyone), so
 * each event is masked on its own, without the state around it. Names the holder of an anonymous
 * tension: masking replaces the list in every copy (see {@link shownToFor}).
 */
export function shownTo(tension: Tension): ParticipantId[] | null {
  if (!isPrivateTension(tension)) return null;
  const holder = tension.authorId && !tension.readers.includes(tension.authorId) ? [tension.authorId] : [];
  return [...holder, ...tension.readers];
}

/** Whether a viewer is among those an event's content is shown to. */
export function mayReadEvent(shown: readonly ParticipantId[] | null, viewerId: ParticipantId): boolean {
  return shown === null || shown.includes(viewerId);
}

/** The list as one viewer receives it: only whether it includes them, so no holder is ever named. */
export function shownToFor(shown: readonly ParticipantId[] | null, viewerId: ParticipantId): ParticipantId[] | null {
  if (shown === null) return null;
  return shown.includes(viewerId) ? [viewerId] : [];
}

/** A tension's content, and what a copy holds where it may not be read. */
export interface TensionContent {
  title: string;
  description: string;
  agreement: string | null;
}

export const maskedContent: TensionContent = { title: '', description: '', agreement: null };

/**
 * What an event that changes who may read a tension carries: the new readers, and the content for
 * whoever may read it now (masked in everyone else's copy, so a copy also loses what it may no
 * longer show, e.g. when a tension moves into a personal room).
 */
export interface TensionDisclosure extends TensionContent {
  readers: ParticipantId[];
  shownTo: ParticipantId[] | null;
}

/** The disclosure for a tension as it is after a change (`next` already has its new room, readers, shareable). */
export function disclosure(next: Tension): TensionDisclosure {
  return {
    readers: next.readers,
    shownTo: shownTo(next),
    title: next.title,
    description: next.description,
    agreement: next.agreement,
  };
}

/** Readers grown by `present`, in order, without duplicates; `null` when nobody new is among them. */
export function withReaders(
  readers: readonly ParticipantId[],
  present: readonly ParticipantId[],
): ParticipantId[] | null {
  const added = present.filter((id, i) => !readers.includes(id) && present.indexOf(id) === i);
  return added.length > 0 ? [...readers, ...added] : null;
}
