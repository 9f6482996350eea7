import type { Participant, Viewer } from '../core/participants.ts';
import type { HallEvent } from './hallEvents.ts';
import type { HallHarvestVote, HallState } from './hallState.ts';

/**
 * What of a hall one device may hold. A hall seats hundreds of strangers, so a phone's name is
 * for that phone alone: everyone else (other phones, the projector, and organisers too) gets its
 * seat with the name `''`, keeping its id, role, presence and table, so counts per table stay
 * exact. Organisers' names are public. Dots are tallied in public, but who placed one is not:
 * other people's dots carry `voterId: null`, as Lean Coffee votes do.
 *
 * Organisers are masked like everyone: `hallEventFor` sees only the event and the viewer's id (the
 * fan-out sends one bystander copy to every socket the event does not mention), so it cannot tell
 * an organiser from a phone, and the snapshot must match what the events build. An organiser's
 * page needs no phone's name: names live at the tables, and the export is made on the server.
 */

function personFor(person: Participant, viewer: Viewer, seated: boolean): Participant {
  return seated && person.id !== viewer.participantId ? { ...person, name: '' } : person;
}

function harvestVoteFor(vote: HallHarvestVote, viewer: Viewer): HallHarvestVote {
  return vote.voterId === viewer.participantId ? vote : { ...vote, voterId: null };
}

/** The copy of a hall one viewer may hold (see the file's comment for what is masked and why). */
export function hallViewFor(state: HallState, viewer: Viewer): HallState {
  const seated = new Set(state.seats.map((s) => s.participantId));
  return {
    ...state,
    participants: state.participants.map((p) => personFor(p, viewer, seated.has(p.id))),
    harvestVotes: state.harvestVotes.map((v) => harvestVoteFor(v, viewer)),
  };
}

/**
 * The copy of one hall event a viewer may receive. Holds
 * `applyHall(hallViewFor(s, v), hallEventFor(e, v))` = `hallViewFor(applyHall(s, e), v)`.
 * Masks only the hall's own events: `participant:*` names are shared with every kind, and a hall
 * logs those only for organisers, whose names everyone may see.
 */
export function hallEventFor(event: HallEvent, viewer: Viewer): HallEvent {
  switch (event.type) {
    case 'hall:seated':
      return event.participant ? { ...event, participant: personFor(event.participant, viewer, true) } : event;
    case 'hall:harvest-voted':
    case 'hall:harvest-unvoted':
      return event.voterId === viewer.participantId ? event : { ...event, voterId: null };
    default:
      return event;
  }
}
