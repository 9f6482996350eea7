import type { Viewer } from '../domain/view.ts';
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
