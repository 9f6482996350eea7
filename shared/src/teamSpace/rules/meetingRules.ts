import { ErrorCode } from '../../protocol/errors.ts';
import { assertNever } from '../../core/assertNever.ts';
import { runningTimer } from '../../core/timer.ts';
import type { LoopEvent } from '../events.ts';
import { canAdoptDecision, canTakeUpTension, canUpdateProject } from '../limits.ts';
import {
  backlog,
  canRecord,
  canRunMeeting,
  currentTension,
  findMember,
  findTension,
  isSpaceFacilitator,
  mayAnswerGotWhatNeeded,
  presentOnline,
  stageDone,
  stagesLeftUndone,
} from '../selectors.ts';
import type { ParticipantId } from '../../core/participants.ts';
import type { AsyncProposal } from '../betweenMeetingsTypes.ts';
import { autoAgenda, handledBetweenMeetings, liveProposalOf } from '../betweenMeetingsPermissions.ts';
import { mayStartMeeting } from '../permissions.ts';
import { disclosure, shownTo, withReaders } from '../privacy.ts';
import { applyLoopAll } from '../apply.ts';
import { personalRooms, stagesFor, type Meeting, type TeamSpaceState, type Tension } from '../state.ts';
import { outcomeEvents } from './outcomeEvents.ts';
import { pull } from './proposalRules.ts';
import { roomSet } from './tensionRules.ts';
import {
  accept,
  forbidden,
  notInMeeting,
  reject,
  type LoopCommandOf,
  type LoopDecideResult,
  type LoopRuleContext,
} from './results.ts';

export type MeetingRuleCommand = LoopCommandOf<
  | 'meeting:start'
  | 'meeting:assign-role'
  | 'meeting:advance'
  | 'meeting:back'
  | 'meeting:end'
  | 'meeting:mark-checklist'
  | 'meeting:set-metric'
  | 'meeting:update-project'
  | 'meeting:agenda-add'
  | 'meeting:agenda-remove'
  | 'tension:start'
  | 'tension:outcome'
  | 'tension:answer'
  | 'tension:agreement'
  | 'tension:close'
>;

/** "What do you need?" gets a soft two minutes; longer tensions belong in another format. */
const SYNC_TENSION_MINUTES = 2;

export function decideMeeting(
  state: TeamSpaceState,
  command: MeetingRuleCommand,
  ctx: LoopRuleContext,
): LoopDecideResult {
  if (command.type === 'meeting:start') return startMeeting(state, command.room, ctx);
  const meeting = state.meeting;
  if (!meeting) return notInMeeting();

  switch (command.type) {
    case 'tension:answer':
      return answerGotWhatNeeded(state, meeting, command.gotWhatNeeded, ctx);
    case 'tension:outcome':
    case 'tension:agreement':
    case 'tension:close':
      if (!canRecord(state, ctx.actorId)) return forbidden('Only the facilitator or the scribe may record this.');
      return recordTension(state, meeting, command, ctx);
    // The sync meeting's sections are part of the record, so the scribe fills them in too.
    case 'meeting:mark-checklist':
    case 'meeting:set-metric':
    case 'meeting:update-project':
      if (!canRecord(state, ctx.actorId)) return forbidden('Only the facilitator or the scribe may record this.');
      return recordSection(state, meeting, command);
    default:
      break;
  }
  if (!canRunMeeting(state, ctx.actorId)) return forbidden('Only the meeting’s facilitator may do this.');

  switch (command.type) {
    case 'meeting:assign-role':
      if (!findMember(state, command.participantId)) return reject(ErrorCode.notFound, 'No such member.');
      return accept({ type: 'meeting:role-set', role: command.role, participantId: command.participantId });

    case 'meeting:advance':
    case 'meeting:back': {
      const stages = stagesFor(meeting.room);
      const to = stages[stages.indexOf(meeting.stage) + (command.type === 'meeting:advance' ? 1 : -1)];
      if (!to) return reject(ErrorCode.invalidTransition, 'There is no step in that direction.');
      if (meeting.currentTensionId) return reject(ErrorCode.invalidState, 'Finish the current tension first.');
      const events: LoopEvent[] = [];
      // Judged before the round ends: a check-in without a round reads "skipped", never "done".
      if (command.type === 'meeting:advance' && !stageDone(state, meeting.stage)) {
        events.push({ type: 'meeting:stage-skipped', stage: meeting.stage });
      }
      if (meeting.round) events.push({ type: 'round:ended' });
      if (meeting.timer.status !== 'idle')
        events.push({ type: 'timer:set', timer: { status: 'idle' }, change: 'reset' });
      events.push({ type: 'meeting:stage-set', stage: to });
      // An agenda nobody has touched since the meeting started (at most its automatic items)
      // fills up from the backlog, leaving out what is being handled between meetings.
      const automatic = autoAgenda(state, meeting.room);
      if (to === 'agenda' && meeting.agenda.every((id) => automatic.includes(id))) {
        const rest = backlog(state, meeting.room)
          .filter((t) => !meeting.agenda.includes(t.id) && !handledBetweenMeetings(state, t))
          .map((t) => t.id);
        if (rest.length > 0 || meeting.agenda.length === 0) {
          events.push({ type: 'meeting:agenda-set', agenda: [...meeting.agenda, ...rest] });
        }
      }
      return accept(...events);
    }

    case 'meeting:end':
      return endMeeting(state, meeting, ctx);

    case 'meeting:agenda-add': {
      const tension = findTension(state, command.tensionId);
      if (!tension || tension.status !== 'open') return reject(ErrorCode.notFound, 'No such open tension.');
      if (tension.room !== meeting.room) return reject(ErrorCode.invalidState, 'This tension belongs to another room.');
      if (meeting.agenda.includes(tension.id)) return accept();
      return accept({ type: 'meeting:agenda-set', agenda: [...meeting.agenda, tension.id] });
    }

    case 'meeting:agenda-remove':
      if (!meeting.agenda.includes(command.tensionId)) return accept();
      return accept({ type: 'meeting:agenda-set', agenda: meeting.agenda.filter((id) => id !== command.tensionId) });

    case 'tension:start':
      return startTension(state, meeting, command, ctx);

    default:
      return assertNever(command);
  }
}

function recordSection(
  state: TeamSpaceState,
  meeting: Meeting,
  command: LoopCommandOf<'meeting:mark-checklist' | 'meeting:set-metric' | 'meeting:update-project'>,
): LoopDecideResult {
  switch (command.type) {
    case 'meeting:mark-checklist':
      if (!meeting.checklist[command.index]) return reject(ErrorCode.notFound, 'No such checklist item.');
      return accept({ type: 'meeting:checklist-marked', index: command.index, done: command.done });
    case 'meeting:set-metric':
      if (!meeting.metrics[command.index]) return reject(ErrorCode.notFound, 'No such metric.');
      return accept({ type: 'meeting:metric-set', index: command.index, value: command.value });
    case 'meeting:update-project': {
      const project = state.actions.find((a) => a.id === command.actionId);
      if (!project || project.kind !== 'project') return reject(ErrorCode.notFound, 'No such project.');
      if (!canUpdateProject(meeting, project.id)) {
        return reject(ErrorCode.limitReached, 'This meeting has noted as many project updates as one may.');
      }
      return accept({ type: 'meeting:project-updated', actionId: project.id, note: command.note });
    }
    default:
      return assertNever(command);
  }
}

function startMeeting(state: TeamSpaceState, room: Meeting['room'], ctx: LoopRuleContext): LoopDecideResult {
  if (!mayStartMeeting(state, ctx.actorId)) {
    return isSpaceFacilitator(state, ctx.actorId)
      ? reject(ErrorCode.invalidState, 'A meeting is already running.')
      : forbidden('Only a facilitator may start a meeting.');
  }
  const online = state.participants.filter((p) => p.online).map((p) => p.id);
  const attendees = online.includes(ctx.actorId) ? online : [ctx.actorId, ...online];
  return accept(
    {
      type: 'meeting:started',
      meeting: {
        id: ctx.newId('meeting'),
        room,
        startedAt: ctx.now,
        facilitatorId: ctx.actorId,
        scribeId: null,
        attendees,
        stage: 'checkin',
        // Checklist and metrics are sections of the sync meeting only.
        checklist: room === 'operational' ? state.checklist.map((label) => ({ label, done: null })) : [],
        metrics: room === 'operational' ? state.metrics.map((label) => ({ label, value: '' })) : [],
        projectUpdates: [],
        // Unanswered tensions asked between meetings, and proposals sent to this meeting, come by themselves.
        agenda: autoAgenda(state, room),
        currentTensionId: null,
        processed: [],
        round: null,
        process: null,
        timer: { status: 'idle' },
      },
    },
    ...newReaders(state, room, attendees),
  );
}

/**
 * Those present at a meeting of a personal room may read its open tensions: the backlog the
 * meeting works from. One event per tension that gains readers, carrying its content to them.
 */
export function newReaders(
  state: TeamSpaceState,
  room: Meeting['room'],
  present: readonly ParticipantId[],
): LoopEvent[] {
  if (!personalRooms.includes(room)) return [];
  return state.tensions.flatMap((tension): LoopEvent[] => {
    if (tension.status !== 'open' || tension.room !== room) return [];
    const readers = withReaders(tension.readers, present);
    return readers
      ? [{ type: 'tension:readers-set', tensionId: tension.id, ...disclosure({ ...tension, readers }) }]
      : [];
  });
}

/**
 * Puts a tension on the table, in its room's format: a sync tension gets a soft two-minute
 * timebox; a governance tension starts integrative decision-making with its holder proposing
 * (a facilitator presents an anonymous one); personal rooms start a guided round.
 */
function startTension(
  state: TeamSpaceState,
  meeting: Meeting,
  command: LoopCommandOf<'tension:start'>,
  ctx: LoopRuleContext,
): LoopDecideResult {
  if (meeting.stage !== 'tensions') return reject(ErrorCode.wrongPhase, 'Tensions are processed in their own step.');
  if (meeting.currentTensionId) return reject(ErrorCode.invalidState, 'Finish the current tension first.');
  const tension = findTension(state, command.tensionId);
  if (!tension || tension.status !== 'open') return reject(ErrorCode.notFound, 'No such open tension.');
  if (tension.room !== meeting.room) return reject(ErrorCode.invalidState, 'This tension belongs to another room.');
  if (!canTakeUpTension(meeting, tension.id)) {
    return reject(ErrorCode.limitReached, 'This meeting has taken up as many tensions as one meeting may.');
  }
  // Checked before the process starts, not at its end: nobody works through a proposal in vain.
  if (meeting.room === 'governance' && !canAdoptDecision(state)) {
    return reject(ErrorCode.limitReached, 'The decision log of this team space is full.');
  }
  const events: LoopEvent[] = [{ type: 'meeting:tension-started', tensionId: tension.id }];
  if (meeting.round) events.push({ type: 'round:ended' });
  if (meeting.room === 'operational') {
    events.push({ type: 'timer:set', timer: runningTimer(SYNC_TENSION_MINUTES, ctx.now), change: 'start' });
  } else if (meeting.room === 'governance' && liveProposalOf(state, tension.id)) {
    const proposal = liveProposalOf(state, tension.id);
    if (proposal) events.push(...startProposalProcess(state, proposal, command.proposerId, ctx));
  } else if (meeting.room === 'governance') {
    const proposerId = command.proposerId ?? (tension.anonymous || !tension.authorId ? ctx.actorId : tension.authorId);
    if (!findMember(state, proposerId)) return reject(ErrorCode.notFound, 'No such member.');
    events.push({
      type: 'process:started',
      process: {
        tensionId: tension.id,
        proposerId,
        step: 'proposal',
        proposal: '',
        objections: [],
        objectionRounds: 0,
      },
    });
  } else {
    events.push({
      type: 'round:started',
      round: { kind: 'personal', order: presentOnline(state), index: 0, passed: [], absent: [] },
    });
  }
  return accept(...events);
}

/**
 * A proposal published between meetings, taken up in a governance meeting: integrative
 * decision-making starts with its text and changes, and the objections raised in its window as
 * open objections, in integration (nothing is adopted before an objection round with none left).
 * One still open is pulled in on the way (its window closes now).
 */
function startProposalProcess(
  state: TeamSpaceState,
  proposal: AsyncProposal,
  proposerId: ParticipantId | undefined,
  ctx: LoopRuleContext,
): LoopEvent[] {
  const events: LoopEvent[] = proposal.status === 'open' ? pull(state, proposal, ctx) : [];
  const objections = proposal.objections.filter((o) => o.status === 'open');
  const by = proposerId && findMember(state, proposerId) ? proposerId : proposal.authorId;
  events.push({
    type: 'process:started',
    process: {
      tensionId: proposal.tensionId,
      proposerId: findMember(state, by) ? by : ctx.actorId,
      step: objections.length > 0 ? 'integration' : 'proposal',
      proposal: proposal.text,
      objections,
      objectionRounds: 0,
      proposalId: proposal.id,
      changes: proposal.changes,
    },
  });
  return events;
}

function recordTension(
  state: TeamSpaceState,
  meeting: Meeting,
  command: LoopCommandOf<'tension:outcome' | 'tension:agreement' | 'tension:close'>,
  ctx: LoopRuleContext,
): LoopDecideResult {
  const tension = currentTension(state);
  if (!tension) return reject(ErrorCode.invalidState, 'No tension is being processed.');

  switch (command.type) {
    case 'tension:outcome': {
      if (meeting.room !== 'operational') return reject(ErrorCode.invalidState, 'Outcomes belong to sync meetings.');
      if (tension.outcome?.type === 'next-action' || tension.outcome?.type === 'project') {
        return reject(ErrorCode.invalidState, 'This tension already has an action; change the action instead.');
      }
      return outcomeEvents(state, tension, command.outcome, meeting.id, ctx);
    }

    case 'tension:agreement':
      if (!personalRooms.includes(meeting.room)) {
        return reject(ErrorCode.invalidState, 'Agreements belong to the individual and relationship rooms.');
      }
      return accept({
        type: 'tension:agreement-set',
        tensionId: tension.id,
        agreement: command.agreement,
        shownTo: shownTo(tension),
      });

    case 'tension:close':
      return accept(...closeTension(state, meeting, tension, command.gotWhatNeeded, ctx.now));

    default:
      return assertNever(command);
  }
}

/**
 * Closes the tension on the table. The answer to "Did you get what you need?" is the one given
 * during the meeting (`tension:answer`); a close that brings its own answer (older clients) wins.
 */
function closeTension(
  state: TeamSpaceState,
  meeting: Meeting,
  tension: Tension,
  answer: boolean | null,
  now: number,
): LoopEvent[] {
  const events: LoopEvent[] = [];
  if (meeting.round) events.push({ type: 'round:ended' });
  if (meeting.timer.status !== 'idle') events.push({ type: 'timer:set', timer: { status: 'idle' }, change: 'reset' });
  const toGovernance = tension.outcome?.type === 'to-governance';
  const resolved =
    meeting.room === 'governance'
      ? meeting.process?.step === 'adopted'
      : meeting.room === 'operational'
        ? !toGovernance && tension.outcome !== null
        : true;
  events.push({
    type: 'tension:closed',
    tensionId: tension.id,
    gotWhatNeeded: meeting.room === 'operational' ? (answer ?? tension.gotWhatNeeded) : null,
    resolved,
    at: now,
  });
  // Moved on after closing, so this meeting's record still says where it went.
  if (toGovernance) events.push(roomSet(state, tension, 'governance'));
  // A proposal from between meetings closed here without adoption is dropped (adoption closed it already).
  const proposal = liveProposalOf(state, tension.id);
  if (proposal && !resolved) {
    events.push({
      type: 'proposal:closed',
      proposalId: proposal.id,
      status: 'dropped',
      toMeeting: null,
      at: now,
      decisionId: null,
    });
  }
  return events;
}

function answerGotWhatNeeded(
  state: TeamSpaceState,
  meeting: Meeting,
  gotWhatNeeded: boolean | null,
  ctx: LoopRuleContext,
): LoopDecideResult {
  const tension = currentTension(state);
  if (!tension) return reject(ErrorCode.invalidState, 'No tension is being processed.');
  if (meeting.room !== 'operational') return reject(ErrorCode.invalidState, 'Only sync meetings ask this.');
  if (!mayAnswerGotWhatNeeded(state, ctx.actorId)) {
    return forbidden('Only the tension’s holder, the facilitator or the scribe may answer.');
  }
  if (tension.gotWhatNeeded === gotWhatNeeded) return accept();
  return accept({ type: 'tension:answered', tensionId: tension.id, gotWhatNeeded });
}

/**
 * Ends the meeting from whatever step it is at. A tension still on the table is closed as its
 * close button would (its outcome and answer go into the record; unresolved, it stays open in the
 * backlog with everything else not taken up), and each step not done by now is recorded as skipped.
 */
function endMeeting(state: TeamSpaceState, meeting: Meeting, ctx: LoopRuleContext): LoopDecideResult {
  const events: LoopEvent[] = [];
  const tension = currentTension(state);
  if (tension) events.push(...closeTension(state, meeting, tension, null, ctx.now));
  else if (meeting.timer.status !== 'idle')
    events.push({ type: 'timer:set', timer: { status: 'idle' }, change: 'reset' });
  for (const stage of stagesLeftUndone(applyLoopAll(state, events))) {
    events.push({ type: 'meeting:stage-skipped', stage });
  }
  const ended = applyLoopAll(state, events).meeting ?? meeting;
  events.push({
    type: 'meeting:ended',
    record: {
      id: ended.id,
      room: ended.room,
      startedAt: ended.startedAt,
      endedAt: ctx.now,
      facilitatorId: ended.facilitatorId,
      scribeId: ended.scribeId,
      attendees: ended.attendees,
      checklist: ended.checklist,
      metrics: ended.metrics,
      projectUpdates: ended.projectUpdates,
      processed: ended.processed,
      skipped: ended.skipped ?? [],
    },
  });
  return accept(...events);
}
