import { groupRoleRefusal, mayChangeAccess } from '../session/sessionAccess.ts';
import type { ParticipantCommand } from '../protocol/commands.ts';
import type { LeanCoffeeSettings } from './state.ts';
import { assertNever } from '../core/assertNever.ts';
import { mayChangeRole } from '../core/participants.ts';
import {
  canAddOutcome,
  canAddTopic,
  canEditTopic,
  canMoveAgenda,
  canRemoveTopic,
  canVote,
  findParticipant,
  findTopic,
  isFacilitator,
  votesBy,
} from './selectors.ts';
import type { Outcome, OutcomeId, Participant, ParticipantId, Role, SessionState, Topic, TopicId } from './state.ts';

/*
 * "May this person do this now?" for Lean Coffee: one predicate per question, asked by `decide`
 * for its refusals and by the board to show or enable a control. `leanCoffeePermission` names the
 * predicate of every command; a property test (permissions.property.test.ts) holds it equal to
 * `decide`: where a predicate says no, `decide` refuses (or changes nothing); where it says yes,
 * `decide` never refuses as `forbidden` or `unauthorized`.
 */

/** Whether the session still takes commands (an ended session keeps only its summary). */
export function sessionOpen(state: SessionState): boolean {
  return state.phase !== 'ended';
}

/** Whether this person may send anything at all: the session is open and they have a seat in it. */
export function mayAct(state: SessionState, actorId: ParticipantId): boolean {
  return sessionOpen(state) && findParticipant(state, actorId) !== undefined;
}

/** Facilitator commands: phases, settings, roles, the timer, revealing, merging, the agenda. */
export function mayFacilitate(state: SessionState, actorId: ParticipantId): boolean {
  return mayAct(state, actorId) && isFacilitator(state, actorId);
}

/**
 * Whether this person may move the session to another phase: a facilitator, unless the session is
 * a table of a hall, whose phase follows the hall's (the organiser moves every table together).
 */
export function mayChangePhase(state: SessionState, actorId: ParticipantId): boolean {
  return mayFacilitate(state, actorId) && state.hall === null;
}

/** Whether this person may mark (or unmark) the most important takeaway: a facilitator (a table's host). */
export function mayHighlightTakeaway(state: SessionState, actorId: ParticipantId): boolean {
  return mayFacilitate(state, actorId);
}

/** Whether a note may carry the mark: a takeaway that is on the board (actions are not harvested). */
export function isHighlightable(state: SessionState, outcomeId: OutcomeId): boolean {
  return state.outcomes.some((o) => o.id === outcomeId && o.kind === 'takeaway');
}

/** Whether this person may ask the hall's organiser for help (or take it back): anyone seated at a table of a hall. */
export function mayAskHallForHelp(state: SessionState, actorId: ParticipantId): boolean {
  return mayAct(state, actorId) && state.hall !== null;
}

/**
 * Whether this person may give `target` this role now: a facilitator of an open session, and never
 * taking the role from the seat that opened it or from the last facilitator.
 */
export function mayGiveRole(state: SessionState, actorId: ParticipantId, target: Participant, role: Role): boolean {
  return (
    mayAct(state, actorId) && mayChangeRole(state.participants, actorId, target, role) && !groupRoleRefusal(state, role)
  );
}

/** Whether this person leads the discussion now: a facilitator, in the discussion phase. */
export function mayLeadDiscussion(state: SessionState, actorId: ParticipantId): boolean {
  return state.phase === 'discuss' && mayFacilitate(state, actorId);
}

/** The settings that change how votes count. */
export const votingRules = ['votesPerPerson', 'allowStacking', 'hiddenVoting'] as const;

/** Whether the voting rules are fixed: once voting has started, or once any dot is on the board. */
export function votingRulesLocked(state: SessionState): boolean {
  return state.phase !== 'collect' || state.votes.length > 0;
}

/** Whether a settings change touches a voting rule (compared with the session's settings now). */
export function changesVotingRules(state: SessionState, change: Partial<LeanCoffeeSettings> | undefined): boolean {
  const next = { ...state.settings, ...change };
  return votingRules.some((key) => next[key] !== state.settings[key]);
}

/** Whether this person may apply this settings change now (voting rules only while unlocked). */
export function mayUpdateSettings(
  state: SessionState,
  actorId: ParticipantId,
  change?: Partial<LeanCoffeeSettings>,
): boolean {
  return mayFacilitate(state, actorId) && !(changesVotingRules(state, change) && votingRulesLocked(state));
}

/** Whether this person may take a dot off this topic now. */
export function canRetractVote(state: SessionState, voterId: ParticipantId, topicId: TopicId): boolean {
  return state.phase === 'vote' && votesBy(state, voterId, topicId) > 0;
}

/** The topics another one may be merged into: the other topics still to be discussed. */
export function mergeTargets(state: SessionState, source: Topic): Topic[] {
  return state.topics.filter((t) => t.status === 'open' && t.id !== source.id);
}

/** Whether this person may merge this topic into another now (a facilitator; both still to be discussed). */
export function canMergeTopic(state: SessionState, actorId: ParticipantId, source: Topic): boolean {
  return mayFacilitate(state, actorId) && source.status === 'open' && mergeTargets(state, source).length > 0;
}

/** Whether this person may give a thumb now: a thumbs vote is open on the topic under discussion. */
export function canCastThumb(state: SessionState, actorId: ParticipantId): boolean {
  return state.phase === 'discuss' && state.thumbs !== null && mayAct(state, actorId);
}

/** Whether takeaways and actions are recorded now: during discussion and wrap-up. */
export function outcomesOpen(state: SessionState): boolean {
  return state.phase === 'discuss' || state.phase === 'wrapup';
}

/**
 * Whether this person may write a takeaway or action under this topic now: it has been taken up.
 * The caps ({@link canAddOutcome}) come on top; the board keeps its buttons and lets the refusal
 * say which cap was reached.
 */
export function mayAddOutcome(state: SessionState, actorId: ParticipantId, topic: Topic): boolean {
  return mayAct(state, actorId) && outcomesOpen(state) && topic.status !== 'open';
}

/** Whether this person may reword or remove this note now: its author or a facilitator. */
export function mayChangeOutcome(state: SessionState, actorId: ParticipantId, outcome: Outcome): boolean {
  return outcomesOpen(state) && (outcome.authorId === actorId || isFacilitator(state, actorId));
}

/** Whether this person may answer the closing round and the ROTI now: in the wrap-up. */
export function mayJoinClosing(state: SessionState, actorId: ParticipantId): boolean {
  return state.phase === 'wrapup' && mayAct(state, actorId);
}

/**
 * The predicate of every participant command: what `decide` asks before it accepts, in one place
 * per command type. A command without an entry does not compile (the switch is exhaustive).
 */
export function leanCoffeePermission(
  state: SessionState,
  actorId: ParticipantId,
  command: ParticipantCommand,
): boolean {
  if (!mayAct(state, actorId)) return false;
  switch (command.type) {
    case 'participant:rename':
    case 'timer:expire':
      return true;
    case 'access:set':
      return mayChangeAccess(state, actorId, command);
    case 'participant:set-role': {
      const target = findParticipant(state, command.participantId);
      return !!target && mayGiveRole(state, actorId, target, command.role);
    }
    case 'settings:update':
      return mayUpdateSettings(state, actorId, command.settings);
    case 'phase:change':
      return mayChangePhase(state, actorId);
    case 'votes:reveal':
    case 'agenda:reset':
    case 'timer:start':
    case 'timer:pause':
    case 'timer:resume':
    case 'timer:add':
    case 'timer:reset':
      return mayFacilitate(state, actorId);
    case 'topic:add':
      return canAddTopic(state, actorId);
    case 'topic:edit':
    case 'topic:remove': {
      const topic = findTopic(state, command.topicId);
      if (!topic) return false;
      return command.type === 'topic:edit'
        ? canEditTopic(state, actorId, topic)
        : canRemoveTopic(state, actorId, topic);
    }
    case 'topics:merge': {
      const source = findTopic(state, command.sourceId);
      return (
        !!source &&
        canMergeTopic(state, actorId, source) &&
        mergeTargets(state, source).some((t) => t.id === command.targetId)
      );
    }
    case 'agenda:move':
      return canMoveAgenda(state, actorId);
    case 'vote:cast':
      return canVote(state, actorId, command.topicId);
    case 'vote:retract':
      return canRetractVote(state, actorId, command.topicId);
    case 'discussion:start':
    case 'discussion:extend':
    case 'discussion:close':
    case 'topic:skip':
    case 'topic:return':
    case 'thumbs:open':
    case 'thumbs:reveal':
      return mayLeadDiscussion(state, actorId);
    case 'thumbs:cast':
      return canCastThumb(state, actorId);
    case 'outcome:add': {
      const topic = findTopic(state, command.topicId);
      return !!topic && mayAddOutcome(state, actorId, topic) && canAddOutcome(state, actorId);
    }
    case 'outcome:edit':
    case 'outcome:remove': {
      const outcome = state.outcomes.find((o) => o.id === command.outcomeId);
      return !!outcome && mayChangeOutcome(state, actorId, outcome);
    }
    case 'closing:submit':
    case 'closing:pass':
    case 'roti:cast':
      return mayJoinClosing(state, actorId);
    case 'takeaway:highlight':
      return (
        mayHighlightTakeaway(state, actorId) &&
        (command.outcomeId === null || isHighlightable(state, command.outcomeId))
      );
    case 'hall:help':
      return mayAskHallForHelp(state, actorId);
    default:
      return assertNever(command);
  }
}
