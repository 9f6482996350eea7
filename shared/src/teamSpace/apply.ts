import { applyAccess } from '../session/sessionAccess.ts';
import { assertNever } from '../core/assertNever.ts';
import { applyToParticipants } from '../core/participants.ts';
import type { LoopEvent } from './events.ts';
import { applyBetweenMeetings } from './betweenMeetingsApply.ts';
import { keepRecentHistory } from './history.ts';
import { mergeMembers } from './mergeMembers.ts';
import { applyRegisterChanges } from './register.ts';
import { emptyRegister } from './registerTypes.ts';
import { defaultRhythm } from './rhythmTypes.ts';
import { isPrivateTension, type TensionDisclosure } from './privacy.ts';
import {
  personalRooms,
  stagesFor,
  type Meeting,
  type ProcessedTension,
  type TeamSpaceState,
  type Tension,
  type TensionId,
} from './state.ts';

/** Builds the first state of a team space from `space:created`. */
export function initialTeamSpace(event: Extract<LoopEvent, { type: 'space:created' }>): TeamSpaceState {
  return {
    id: event.id,
    kind: 'team-space',
    title: event.title,
    createdAt: event.createdAt,
    roomNames: { operational: null, governance: null, individual: null, relationship: null },
    checklist: [],
    metrics: [],
    participants: [],
    tensions: [],
    actions: [],
    decisions: [],
    decisionsAdopted: 0,
    meetings: [],
    meeting: null,
    register: emptyRegister(),
    proposals: [],
    between: [],
    rhythm: defaultRhythm(),
  };
}

/** Takes the new readers and the content as the event carries it (masked where it may not be read). */
function disclosed(tension: Tension, event: TensionDisclosure): Tension {
  return {
    ...tension,
    readers: event.readers,
    title: event.title,
    description: event.description,
    agreement: event.agreement,
  };
}

function updateTension(state: TeamSpaceState, id: TensionId, change: (t: Tension) => Tension): TeamSpaceState {
  return { ...state, tensions: state.tensions.map((t) => (t.id === id ? change(t) : t)) };
}

/** Applies a change to the running meeting; events about a meeting only happen while one runs. */
function updateMeeting(state: TeamSpaceState, change: (m: Meeting) => Meeting): TeamSpaceState {
  return state.meeting ? { ...state, meeting: change(state.meeting) } : state;
}

/**
 * A tension closed outside any meeting (its holder resolved it, or its proposal was adopted when
 * the window closed): no meeting's record takes it, a running meeting only drops it from its agenda.
 */
function closedBetweenMeetings(
  state: TeamSpaceState,
  event: Extract<LoopEvent, { type: 'tension:closed' }>,
): TeamSpaceState {
  const next = updateTension(state, event.tensionId, (t) => ({
    ...t,
    status: event.resolved ? 'resolved' : 'open',
    gotWhatNeeded: event.gotWhatNeeded,
    resolvedAt: event.resolved ? event.at : null,
    meetingId: null,
  }));
  return keepRecentHistory(
    updateMeeting(next, (m) => ({ ...m, agenda: m.agenda.filter((id) => id !== event.tensionId) })),
  );
}

/** Folds one team-space event into the state. Pure, and total over masked copies too. */
export function applyLoop(state: TeamSpaceState, event: LoopEvent): TeamSpaceState {
  switch (event.type) {
    case 'space:created':
      return initialTeamSpace(event);
    case 'space:updated':
      return {
        ...state,
        title: event.title,
        roomNames: event.roomNames,
        checklist: event.checklist,
        metrics: event.metrics,
      };
    case 'participant:joined':
    case 'participant:renamed':
    case 'participant:presence-changed':
    case 'participant:role-changed':
      return { ...state, participants: applyToParticipants(state.participants, event) };
    case 'participant:bound':
    case 'access:changed':
      return applyAccess(state, event);
    case 'tension:added':
      // Logged before issue 17, a tension has no `async`: it was not asked between meetings.
      return { ...state, tensions: [...state.tensions, { ...event.tension, async: event.tension.async ?? null }] };
    case 'tension:edited':
      return updateTension(state, event.tensionId, (t) => ({
        ...t,
        title: event.title,
        description: event.description,
      }));
    case 'tension:withdrawn': {
      const next = updateTension(state, event.tensionId, (t) => ({ ...t, status: 'withdrawn' }));
      return keepRecentHistory(
        updateMeeting(next, (m) => ({ ...m, agenda: m.agenda.filter((id) => id !== event.tensionId) })),
      );
    }
    case 'tension:room-set': {
      // A tension moved to another room starts afresh there.
      const next = updateTension(state, event.tensionId, (t) => ({
        ...disclosed(t, event),
        // Personal-room content never moves between meetings: its answers go with the move.
        async: personalRooms.includes(event.room) ? null : (t.async ?? null),
        room: event.room,
        roomConfirmed: true,
        outcome: null,
        gotWhatNeeded: null,
      }));
      return updateMeeting(next, (m) =>
        m.room === event.room ? m : { ...m, agenda: m.agenda.filter((id) => id !== event.tensionId) },
      );
    }
    case 'tension:shareable-set':
      return updateTension(state, event.tensionId, (t) => ({ ...disclosed(t, event), shareable: event.shareable }));
    case 'tension:readers-set':
      return updateTension(state, event.tensionId, (t) => disclosed(t, event));
    case 'tension:answered':
      return updateTension(state, event.tensionId, (t) => ({ ...t, gotWhatNeeded: event.gotWhatNeeded }));
    case 'tension:outcome-set':
      return updateTension(state, event.tensionId, (t) => ({ ...t, outcome: event.outcome }));
    case 'tension:agreement-set':
      return updateTension(state, event.tensionId, (t) => ({ ...t, agreement: event.agreement }));
    case 'tension:closed': {
      if (event.betweenMeetings) return closedBetweenMeetings(state, event);
      const meetingId = state.meeting?.id ?? null;
      const tension = state.tensions.find((t) => t.id === event.tensionId);
      const entry: ProcessedTension = {
        tensionId: event.tensionId,
        title: tension?.title ?? '',
        outcome: tension?.outcome ?? null,
        gotWhatNeeded: event.gotWhatNeeded,
        agreement: tension?.agreement ?? null,
        decisionId:
          state.decisions.find((d) => d.tensionId === event.tensionId && d.meetingId === meetingId)?.id ?? null,
        resolved: event.resolved,
        // Kept as it was then: the record of this meeting is for those present at it.
        readers: tension && isPrivateTension(tension) ? tension.readers : null,
      };
      const next = updateTension(state, event.tensionId, (t) => ({
        ...t,
        status: event.resolved ? 'resolved' : 'open',
        gotWhatNeeded: event.gotWhatNeeded,
        resolvedAt: event.resolved ? event.at : null,
        meetingId,
      }));
      return keepRecentHistory(
        updateMeeting(next, (m) => ({
          ...m,
          currentTensionId: null,
          process: null,
          agenda: m.agenda.filter((id) => id !== event.tensionId),
          processed: [...m.processed.filter((p) => p.tensionId !== event.tensionId), entry],
        })),
      );
    }
    case 'action:added':
      return { ...state, actions: [...state.actions, event.action] };
    case 'action:updated':
      return {
        ...state,
        actions: state.actions.map((a) =>
          a.id === event.actionId
            ? { ...a, text: event.text, ownerId: event.ownerId, ownerName: event.ownerName, due: event.due }
            : a,
        ),
      };
    case 'action:status-set':
      return keepRecentHistory({
        ...state,
        actions: state.actions.map((a) => (a.id === event.actionId ? { ...a, status: event.status } : a)),
      });
    case 'meeting:started':
      return { ...state, meeting: event.meeting };
    case 'meeting:role-set':
      return updateMeeting(state, (m) =>
        event.role === 'facilitator'
          ? { ...m, facilitatorId: event.participantId }
          : { ...m, scribeId: event.participantId },
      );
    case 'meeting:attended':
      return updateMeeting(state, (m) => ({ ...m, attendees: [...m.attendees, event.participantId] }));
    case 'meeting:stage-set':
      // A step the meeting comes back to is no longer skipped; leaving it again decides anew.
      return updateMeeting(state, (m) => ({
        ...m,
        stage: event.stage,
        ...(m.skipped ? { skipped: m.skipped.filter((s) => s !== event.stage) } : {}),
      }));
    case 'meeting:stage-skipped':
      return updateMeeting(state, (m) => {
        const skipped = new Set([...(m.skipped ?? []), event.stage]);
        return { ...m, skipped: stagesFor(m.room).filter((s) => skipped.has(s)) };
      });
    case 'meeting:checklist-marked':
      return updateMeeting(state, (m) => ({
        ...m,
        checklist: m.checklist.map((item, i) => (i === event.index ? { ...item, done: event.done } : item)),
      }));
    case 'meeting:metric-set':
      return updateMeeting(state, (m) => ({
        ...m,
        metrics: m.metrics.map((metric, i) => (i === event.index ? { ...metric, value: event.value } : metric)),
      }));
    case 'meeting:project-updated':
      return updateMeeting(state, (m) => ({
        ...m,
        projectUpdates: [
          ...m.projectUpdates.filter((u) => u.actionId !== event.actionId),
          { actionId: event.actionId, note: event.note },
        ],
      }));
    case 'meeting:agenda-set':
      return updateMeeting(state, (m) => ({ ...m, agenda: event.agenda }));
    case 'meeting:tension-started': {
      // Taken up again, a tension is asked afresh whether it got what it needs.
      const asked = event.tensionId
        ? updateTension(state, event.tensionId, (t) => ({ ...t, gotWhatNeeded: null }))
        : state;
      return updateMeeting(asked, (m) => ({ ...m, currentTensionId: event.tensionId }));
    }
    case 'meeting:ended':
      return keepRecentHistory({ ...state, meeting: null, meetings: [...state.meetings, event.record] });
    case 'round:started':
      return updateMeeting(state, (m) => ({ ...m, round: event.round }));
    case 'round:advanced':
      return updateMeeting(state, (m) => {
        if (!m.round) return m;
        const speaker = m.round.order[m.round.index];
        const passed = event.passed && speaker ? [...m.round.passed, speaker] : m.round.passed;
        return { ...m, round: { ...m.round, index: m.round.index + 1, passed } };
      });
    case 'round:marked-absent':
      return updateMeeting(state, (m) => {
        if (!m.round) return m;
        return {
          ...m,
          round: { ...m.round, index: m.round.index + 1, absent: [...(m.round.absent ?? []), event.participantId] },
        };
      });
    case 'round:ended':
      return updateMeeting(state, (m) => ({ ...m, round: null }));
    case 'process:started':
      return updateMeeting(state, (m) => ({ ...m, process: event.process }));
    case 'process:proposal-set':
      return updateMeeting(state, (m) =>
        m.process
          ? {
              ...m,
              process: {
                ...m.process,
                proposal: event.proposal,
                ...(event.changes ? { changes: event.changes } : {}),
              },
            }
          : m,
      );
    case 'process:step-set':
      return updateMeeting(state, (m) =>
        m.process ? { ...m, process: { ...m.process, step: event.step, objectionRounds: event.objectionRounds } } : m,
      );
    case 'objection:raised':
      return updateMeeting(state, (m) =>
        m.process ? { ...m, process: { ...m.process, objections: [...m.process.objections, event.objection] } } : m,
      );
    case 'objection:status-set':
      return updateMeeting(state, (m) =>
        m.process
          ? {
              ...m,
              process: {
                ...m.process,
                objections: m.process.objections.map((o) =>
                  o.id === event.objectionId ? { ...o, status: event.status } : o,
                ),
              },
            }
          : m,
      );
    case 'decision:adopted':
      return keepRecentHistory({
        ...state,
        decisions: [...state.decisions, event.decision],
        decisionsAdopted: Math.max(state.decisionsAdopted, event.decision.number),
      });
    case 'timer:set':
      return updateMeeting(state, (m) => ({ ...m, timer: event.timer }));
    case 'space:rhythm-set':
      return { ...state, rhythm: event.rhythm };
    case 'space:members-merged':
      return mergeMembers(state, event.from, event.into, event.byParty === true);
    // Between meetings: folded by betweenMeetingsApply.ts.
    case 'tension:async-set':
    case 'tension:async-answered':
    case 'between:recorded':
    case 'proposal:published':
    case 'proposal:questioned':
    case 'proposal:question-answered':
    case 'proposal:reacted':
    case 'proposal:responded':
    case 'proposal:closed':
      return applyBetweenMeetings(state, event);
    case 'register:changed':
      return { ...state, register: applyRegisterChanges(state.register, event) };
    default:
      return assertNever(event);
  }
}

export function applyLoopAll(state: TeamSpaceState, events: readonly LoopEvent[]): TeamSpaceState {
  return events.reduce(applyLoop, state);
}

/** Rebuilds a team space from its full log, which must open with `space:created`. */
export function replayLoop(events: readonly LoopEvent[]): TeamSpaceState {
  const [first, ...rest] = events;
  if (first?.type !== 'space:created') throw new Error('A team space log must start with space:created.');
  return applyLoopAll(initialTeamSpace(first), rest);
}
