import type { Viewer } from '../domain/view.ts';
import { initialTeamSpace } from './apply.ts';
import type { ArchivedItem } from './archive.ts';
import type { LoopEvent } from './events.ts';
import type { TeamSpaceState, Tension } from './state.ts';

function tensionFor(tension: Tension, viewer: Viewer): Tension {
  return tension.anonymous && tension.authorId !== viewer.participantId ? { ...tension, authorId: null } : tension;
}

/** A member's copy of the team space: authors of anonymous tensions are masked. */
export function loopViewFor(state: TeamSpaceState, viewer: Viewer): TeamSpaceState {
  return { ...state, tensions: state.tensions.map((t) => tensionFor(t, viewer)) };
}

/** A member's copy of one event. Holds `applyLoop(loopViewFor(s, v), loopEventFor(e, v)) = loopViewFor(applyLoop(s, e), v)`. */
export function loopEventFor(event: LoopEvent, viewer: Viewer): LoopEvent {
  return event.type === 'tension:added' ? { ...event, tension: tensionFor(event.tension, viewer) } : event;
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
    },
    viewer,
  );
  const masked = new Map<string, ArchivedItem['item']>([
    ...view.meetings.map((item) => [`meeting:${item.id}`, item] as const),
    ...view.tensions.map((item) => [`tension:${item.id}`, item] as const),
    ...view.actions.map((item) => [`action:${item.id}`, item] as const),
  ]);
  return entries.flatMap((entry) => {
    const item = masked.get(`${entry.kind}:${entry.item.id}`);
    return item ? [{ ...entry, item } as T] : [];
  });
}
