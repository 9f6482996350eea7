import type { Viewer } from '../core/participants.ts';
import { initialTeamSpace } from './apply.ts';
import type { ArchivedItem } from './archive.ts';
import type { LoopEvent } from './events.ts';
import { maskedContent, mayReadEvent, mayReadTension, shownToFor, type TensionDisclosure } from './privacy.ts';
import type { MeetingRecord, ProcessedTension, TeamSpaceState, Tension } from './state.ts';

function tensionFor(tension: Tension, viewer: Viewer): Tension {
  const readable = mayReadTension(tension, viewer.participantId) ? tension : { ...tension, ...maskedContent };
  return readable.anonymous && readable.authorId !== viewer.participantId ? { ...readable, authorId: null } : readable;
}

/** A meeting's record of a private tension is for those present then. */
function processedFor(entry: ProcessedTension, viewer: Viewer): ProcessedTension {
  return mayReadEvent(entry.readers, viewer.participantId)
    ? entry
    : { ...entry, title: '', agreement: null, outcome: null };
}

function recordFor<T extends Pick<MeetingRecord, 'processed'>>(record: T, viewer: Viewer): T {
  return { ...record, processed: record.processed.map((p) => processedFor(p, viewer)) };
}

function disclosureFor<T extends TensionDisclosure>(event: T, viewer: Viewer): T {
  const readable = mayReadEvent(event.shownTo, viewer.participantId);
  return { ...event, ...(readable ? {} : maskedContent), shownTo: shownToFor(event.shownTo, viewer.participantId) };
}

/**
 * A member's copy of the team space: authors of anonymous tensions are masked, and so is the
 * content of private tensions (personal rooms, not shareable) for anyone who may not read it
 * (see `mayReadTension`), in the backlog, the running meeting and the records of past ones.
 */
export function loopViewFor(state: TeamSpaceState, viewer: Viewer): TeamSpaceState {
  return {
    ...state,
    tensions: state.tensions.map((t) => tensionFor(t, viewer)),
    meeting: state.meeting && recordFor(state.meeting, viewer),
    meetings: state.meetings.map((m) => recordFor(m, viewer)),
  };
}

/**
 * A member's copy of one event, masked by what the event itself says (no state needed, so sync
 * answers from the log are masked alike). Holds
 * `applyLoop(loopViewFor(s, v), loopEventFor(e, v)) = loopViewFor(applyLoop(s, e), v)`.
 */
export function loopEventFor(event: LoopEvent, viewer: Viewer): LoopEvent {
  switch (event.type) {
    case 'tension:added':
      return { ...event, tension: tensionFor(event.tension, viewer) };
    case 'tension:edited': {
      const readable = mayReadEvent(event.shownTo, viewer.participantId);
      return {
        ...event,
        ...(readable ? {} : { title: '', description: '' }),
        shownTo: shownToFor(event.shownTo, viewer.participantId),
      };
    }
    case 'tension:agreement-set': {
      const readable = mayReadEvent(event.shownTo, viewer.participantId);
      return {
        ...event,
        agreement: readable ? event.agreement : null,
        shownTo: shownToFor(event.shownTo, viewer.participantId),
      };
    }
    case 'tension:room-set':
    case 'tension:shareable-set':
    case 'tension:readers-set':
      return disclosureFor(event, viewer);
    case 'meeting:ended':
      return { ...event, record: recordFor(event.record, viewer) };
    default:
      return event;
  }
}

/**
 * Archived items as one member may see them, masked by {@link loopViewFor}, the very function that
 * masks every snapshot: the items are put in the lists of an otherwise empty space, masked, and
 * taken back by id. So every rule of the live view (anonymous authors today, and any rule added
 * there later) applies to the archive alike. The rules mask item by item, from what the item
 * itself says; an item the view would leave out is left out of the page too.
 */
export function loopArchiveFor<T extends ArchivedItem>(entries: readonly T[], viewer: Viewer): T[] {
  const of = <K extends ArchivedItem['kind']>(kind: K) =>
    entries.flatMap((e) => (e.kind === kind ? [e.item as Extract<ArchivedItem, { kind: K }>['item']] : []));
  const view = loopViewFor(
    {
      ...initialTeamSpace({ type: 'space:created', id: '', title: '', createdAt: 0 }),
      meetings: of('meeting'),
      tensions: of('tension'),
      actions: of('action'),
      decisions: of('decision'),
    },
    viewer,
  );
  const masked = new Map<string, ArchivedItem['item']>([
    ...view.meetings.map((item) => [`meeting:${item.id}`, item] as const),
    ...view.tensions.map((item) => [`tension:${item.id}`, item] as const),
    ...view.actions.map((item) => [`action:${item.id}`, item] as const),
    ...view.decisions.map((item) => [`decision:${item.id}`, item] as const),
  ]);
  return entries.flatMap((entry) => {
    const item = masked.get(`${entry.kind}:${entry.item.id}`);
    return item ? [{ ...entry, item }] : [];
  });
}
