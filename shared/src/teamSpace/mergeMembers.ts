import type { Participant, ParticipantId, Viewer } from '../core/participants.ts';
import type { ArchivedItem } from './archive.ts';
import { loopArchiveFor } from './view.ts';
import type { AsyncProposal, BetweenRecord } from './betweenMeetingsTypes.ts';
import type { Register, RegisterChange } from './registerTypes.ts';
import type {
  ActionItem,
  Decision,
  GovernanceProcess,
  Meeting,
  MeetingRecord,
  MergedSeat,
  ProcessedTension,
  Round,
  TeamSpaceState,
  Tension,
} from './state.ts';

/*
 * Merging two seats of one person (`space:members-merged`): every place a team space names a
 * participant, rewritten from `from` to `into`. Where one person may appear once (a list of
 * readers, a round's turns, a proposal's responses), the two entries become one by the rules
 * below. Texts that history shows as names (a decision's `present`, an action's typed owner name)
 * keep the name they were written with. Pure and total over masked copies too (a masked author
 * is `null` and stays so).
 */

const one = (id: ParticipantId, from: ParticipantId, into: ParticipantId): ParticipantId => (id === from ? into : id);

/** `from` becomes `into`, and `into` is kept once (where it came first); the list is unchanged otherwise. */
export function idsMerged(ids: readonly ParticipantId[], from: ParticipantId, into: ParticipantId): ParticipantId[] {
  if (!ids.includes(from)) return ids as ParticipantId[];
  const mapped = ids.map((id) => one(id, from, into));
  const first = mapped.indexOf(into);
  return mapped.filter((id, i) => id !== into || i === first);
}

export function tensionMerged(tension: Tension, from: ParticipantId, into: ParticipantId): Tension {
  return {
    ...tension,
    authorId: tension.authorId === from ? into : tension.authorId,
    readers: idsMerged(tension.readers, from, into),
    // Every answer stays: a person may answer a tension more than once.
    async: tension.async && {
      ...tension.async,
      answers: tension.async.answers.map((a) => (a.by === from ? { ...a, by: into } : a)),
    },
  };
}

/** The owner's id moves; `ownerName` keeps the name it was written with, like every name in history. */
export function actionMerged(action: ActionItem, from: ParticipantId, into: ParticipantId): ActionItem {
  return action.ownerId === from ? { ...action, ownerId: into } : action;
}

function changeMerged(change: RegisterChange, from: ParticipantId, into: ParticipantId): RegisterChange {
  return change.op === 'role:add' || change.op === 'role:assign'
    ? { ...change, fillers: idsMerged(change.fillers, from, into) }
    : change;
}

function changesMerged(changes: RegisterChange[], from: ParticipantId, into: ParticipantId): RegisterChange[] {
  return changes.map((c) => changeMerged(c, from, into));
}

/** A decision names people by the names they had (`present`, `markedAbsent`, `noResponse`); only its register changes hold ids. */
export function decisionMerged(decision: Decision, from: ParticipantId, into: ParticipantId): Decision {
  return decision.changes ? { ...decision, changes: changesMerged(decision.changes, from, into) } : decision;
}

function processedMerged(entry: ProcessedTension, from: ParticipantId, into: ParticipantId): ProcessedTension {
  return entry.readers ? { ...entry, readers: idsMerged(entry.readers, from, into) } : entry;
}

function recordMerged<T extends MeetingRecord | Meeting>(record: T, from: ParticipantId, into: ParticipantId): T {
  return {
    ...record,
    facilitatorId: one(record.facilitatorId, from, into),
    scribeId: record.scribeId === from ? into : record.scribeId,
    attendees: idsMerged(record.attendees, from, into),
    processed: record.processed.map((p) => processedMerged(p, from, into)),
  };
}

export function meetingRecordMerged(record: MeetingRecord, from: ParticipantId, into: ParticipantId): MeetingRecord {
  return recordMerged(record, from, into);
}

/**
 * One turn per person: the earlier of the two turns stays (so a person who has spoken is not asked
 * again, and the round's position moves past a turn that went), and whether it was passed or
 * marked absent is that turn's.
 */
export function roundMerged(round: Round, from: ParticipantId, into: ParticipantId): Round {
  const names = (ids: readonly ParticipantId[]) => ids.includes(from);
  if (!names(round.order) && !names(round.passed) && !names(round.absent ?? [])) return round;
  const mapped = round.order.map((id) => one(id, from, into));
  const keptAt = mapped.indexOf(into);
  const keep = (id: ParticipantId, i: number) => id !== into || i === keptAt;
  const keptTurn = keptAt === -1 ? undefined : round.order[keptAt];
  // Marks of the turn that went are dropped with it; the kept turn's marks now name `into`.
  const marks = (ids: readonly ParticipantId[]) =>
    ids.filter((id) => id === keptTurn || (id !== from && id !== into)).map((id) => one(id, from, into));
  return {
    ...round,
    order: mapped.filter(keep),
    index: mapped.slice(0, round.index).filter(keep).length,
    passed: marks(round.passed),
    ...(round.absent ? { absent: marks(round.absent) } : {}),
  };
}

function processMerged(process: GovernanceProcess, from: ParticipantId, into: ParticipantId): GovernanceProcess {
  return {
    ...process,
    proposerId: one(process.proposerId, from, into),
    // Each objection was raised in a round of its own: all stay.
    objections: process.objections.map((o) => (o.by === from ? { ...o, by: into } : o)),
    ...(process.changes ? { changes: changesMerged(process.changes, from, into) } : {}),
  };
}

function meetingMerged(meeting: Meeting, from: ParticipantId, into: ParticipantId): Meeting {
  return {
    ...recordMerged(meeting, from, into),
    round: meeting.round && roundMerged(meeting.round, from, into),
    process: meeting.process && processMerged(meeting.process, from, into),
  };
}

/**
 * The newest response counts, as when one member responds twice (`proposal:responded`): of the two
 * seats' responses the newer stays (`into`'s on a tie), and an open objection that belonged to the
 * other one goes with it. Questions, reactions and settled objections all stay.
 */
function proposalMerged(proposal: AsyncProposal, from: ParticipantId, into: ParticipantId): AsyncProposal {
  const mine = proposal.responses.filter((r) => r.by === from || r.by === into);
  const kept = mine.reduce<(typeof mine)[number] | undefined>(
    (best, r) => (!best || r.at > best.at || (r.at === best.at && r.by === into) ? r : best),
    undefined,
  );
  const personal = (by: ParticipantId) => by === from || by === into;
  return {
    ...proposal,
    authorId: one(proposal.authorId, from, into),
    asked: idsMerged(proposal.asked, from, into),
    questions: proposal.questions.map((q) => (q.by === from ? { ...q, by: into } : q)),
    reactions: proposal.reactions.map((r) => (r.by === from ? { ...r, by: into } : r)),
    responses: proposal.responses
      .filter((r) => !personal(r.by) || r === kept)
      .map((r) => (r.by === from ? { ...r, by: into } : r)),
    objections: proposal.objections
      .filter((o) => !personal(o.by) || o.status !== 'open' || o.id === kept?.objectionId)
      .map((o) => (o.by === from ? { ...o, by: into } : o)),
    changes: changesMerged(proposal.changes, from, into),
  };
}

function betweenMerged(record: BetweenRecord, from: ParticipantId, into: ParticipantId): BetweenRecord {
  return record.kind === 'tension-resolved'
    ? { ...record, answers: record.answers.map((a) => (a.by === from ? { ...a, by: into } : a)) }
    : record;
}

function registerMerged(register: Register, from: ParticipantId, into: ParticipantId): Register {
  return {
    ...register,
    roles: register.roles.map((role) => ({
      ...role,
      fillers: idsMerged(role.fillers, from, into),
      history: role.history.map((h) => ({
        ...h,
        ...(h.fillersBefore ? { fillersBefore: idsMerged(h.fillersBefore, from, into) } : {}),
        ...(h.fillersAfter ? { fillersAfter: idsMerged(h.fillersAfter, from, into) } : {}),
      })),
    })),
  };
}

/**
 * `into` keeps its name and joined date, facilitates if either seat did (merging never takes a
 * role from the person), and is bound by sign-in if either was. `from` leaves.
 */
function participantsMerged(participants: readonly Participant[], from: ParticipantId, into: ParticipantId) {
  const gone = participants.find((p) => p.id === from);
  return participants
    .filter((p) => p.id !== from)
    .map((p): Participant => {
      if (p.id !== into || !gone) return p;
      const boundBy = p.boundBy ?? gone.boundBy;
      return {
        ...p,
        role: gone.role === 'facilitator' ? 'facilitator' : p.role,
        joinedAt: Math.min(p.joinedAt, gone.joinedAt),
        ...(boundBy ? { boundBy } : {}),
      };
    });
}

/**
 * The list of merged seats, flat: seats merged into `from` before now point at `into`. A merge by
 * one of its own seats marks what it carries on (`byParty`), so no chain of merges opens an
 * archive to a merge's own maker.
 */
function mergedSeatsAfter(
  seats: readonly MergedSeat[],
  from: ParticipantId,
  into: ParticipantId,
  byParty: boolean,
): MergedSeat[] {
  const party = byParty ? { byParty: true as const } : {};
  return [...seats.map((s) => (s.into === from ? { ...s, into, ...party } : s)), { from, into, ...party }];
}

/** The team space after `from` was merged into `into`: see the rules above, and the audit in the tests. */
export function mergeMembers(
  state: TeamSpaceState,
  from: ParticipantId,
  into: ParticipantId,
  byParty = false,
): TeamSpaceState {
  return {
    ...state,
    participants: participantsMerged(state.participants, from, into),
    tensions: state.tensions.map((t) => tensionMerged(t, from, into)),
    actions: state.actions.map((a) => actionMerged(a, from, into)),
    decisions: state.decisions.map((d) => decisionMerged(d, from, into)),
    meetings: state.meetings.map((m) => meetingRecordMerged(m, from, into)),
    meeting: state.meeting && meetingMerged(state.meeting, from, into),
    register: registerMerged(state.register, from, into),
    proposals: state.proposals.map((p) => proposalMerged(p, from, into)),
    between: state.between.map((b) => betweenMerged(b, from, into)),
    mergedSeats: mergedSeatsAfter(state.mergedSeats ?? [], from, into, byParty),
  };
}

function archivedMerged(entry: ArchivedItem, from: ParticipantId, into: ParticipantId): ArchivedItem {
  switch (entry.kind) {
    case 'meeting':
      return { ...entry, item: meetingRecordMerged(entry.item, from, into) };
    case 'tension':
      return { ...entry, item: tensionMerged(entry.item, from, into) };
    case 'action':
      return { ...entry, item: actionMerged(entry.item, from, into) };
    case 'decision':
      return { ...entry, item: decisionMerged(entry.item, from, into) };
  }
}

/**
 * Archived items as the live state would name their people: the archive is written once and never
 * rewritten, so it is read through the space's merged seats (before masking, so `into` reads what
 * `from` could). The list is flat, so each seat is rewritten once, to the seat it is today.
 */
export function withMergedSeats<T extends ArchivedItem>(entries: readonly T[], seats: readonly MergedSeat[]): T[] {
  if (seats.length === 0) return entries as T[];
  return entries.map((entry) => seats.reduce<ArchivedItem>((e, s) => archivedMerged(e, s.from, s.into), entry) as T);
}

/**
 * Archived items as `viewer` may read them after the space's merges. A merge made by someone else
 * is read before masking (the person reads what either of their seats could); one made by one of
 * its own seats (`byParty`) only after, so its maker gains nothing the other seat's archive hid.
 */
export function archiveForViewer<T extends ArchivedItem>(
  entries: readonly T[],
  seats: readonly MergedSeat[],
  viewer: Viewer,
): T[] {
  const before = seats.filter((s) => !s.byParty);
  const after = seats.filter((s) => s.byParty);
  return withMergedSeats(loopArchiveFor(withMergedSeats(entries, before), viewer), after);
}
