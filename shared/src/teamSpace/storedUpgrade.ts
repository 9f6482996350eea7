import { disclosure, isPrivateTension, shownTo } from './privacy.ts';
import type { LoopEvent } from './events.ts';
import { emptyRegister } from './registerTypes.ts';
import { defaultRhythm } from './rhythmTypes.ts';
import type { Decision, MeetingRecord, ProcessedTension, TeamSpaceState, Tension } from './state.ts';

/**
 * Team spaces outlive releases. One stored before personal-room privacy has tensions and meeting
 * records without `readers`, and events without `readers` or `shownTo`; folding or masking such
 * data as it is would throw (`undefined.includes`) and lock the team out of its own space. These
 * functions bring old data to today's shape as it is read, choosing privacy where the old data
 * cannot tell: an old private tension is readable by its holder alone until a meeting of its room,
 * and an old meeting record whose tension is gone or private is kept for nobody but who may read it.
 */

type Stored<T extends { readers: unknown }> = Omit<T, 'readers'> & { readers?: T['readers'] };

const hasReaders = <T extends { readers: unknown }>(item: Stored<T>): item is T => item.readers !== undefined;

function upgradeTension(tension: Stored<Tension>): Tension {
  return hasReaders(tension) ? tension : { ...tension, readers: [] };
}

function upgradeProcessed(entry: Stored<ProcessedTension>, tensions: readonly Tension[]): ProcessedTension {
  if (hasReaders(entry)) return entry;
  const tension = tensions.find((t) => t.id === entry.tensionId);
  // Nobody can tell any more who was present: a private or unknown tension's record shows to nobody.
  return { ...entry, readers: tension && !isPrivateTension(tension) ? null : [] };
}

function upgradeRecord<T extends Pick<MeetingRecord, 'processed'>>(record: T, tensions: readonly Tension[]): T {
  const processed = record.processed as Stored<ProcessedTension>[];
  if (processed.every(hasReaders)) return record;
  return { ...record, processed: processed.map((p) => upgradeProcessed(p, tensions)) };
}

type StoredDecision = Omit<Decision, 'number'> & { number?: number };

/**
 * Releases before stable decision numbers never trimmed the decision log and numbered decisions by
 * their position in it, so that position is the number they always had.
 */
function withDecisionNumbers(state: TeamSpaceState): TeamSpaceState {
  if ((state as { decisionsAdopted?: number }).decisionsAdopted !== undefined) return state;
  const decisions = (state.decisions as StoredDecision[]).map((d, i) => ({ ...d, number: d.number ?? i + 1 }));
  return { ...state, decisions, decisionsAdopted: decisions.length };
}

/**
 * Spaces stored before work moved between meetings (issue 17) have no register, proposals,
 * between-meetings records or rhythm, and tensions without `async`.
 */
function withBetweenMeetings(state: TeamSpaceState): TeamSpaceState {
  const stored = state as Partial<TeamSpaceState>;
  const tensionsLackAsync = state.tensions.some((t) => (t as Partial<Tension>).async === undefined);
  if (stored.register && stored.proposals && stored.between && stored.rhythm && !tensionsLackAsync) return state;
  return {
    ...state,
    register: stored.register ?? emptyRegister(),
    proposals: stored.proposals ?? [],
    between: stored.between ?? [],
    rhythm: stored.rhythm ?? defaultRhythm(),
    tensions: tensionsLackAsync ? state.tensions.map((t) => ({ ...t, async: t.async ?? null })) : state.tensions,
  };
}

/** A stored team space in today's shape; the same object when it already is. */
export function upgradeStoredTeamSpace(stored: TeamSpaceState): TeamSpaceState {
  const state = withBetweenMeetings(withDecisionNumbers(stored));
  const tensionsAsStored = state.tensions as Stored<Tension>[];
  if (tensionsAsStored.every(hasReaders) && !hasOldRecords(state)) return state;
  const tensions = tensionsAsStored.map(upgradeTension);
  return {
    ...state,
    tensions,
    meetings: state.meetings.map((m) => upgradeRecord(m, tensions)),
    meeting: state.meeting ? upgradeRecord(state.meeting, tensions) : null,
  };
}

function hasOldRecords(state: TeamSpaceState): boolean {
  const records = state.meeting ? [...state.meetings, state.meeting] : state.meetings;
  return records.some((r) => !(r.processed as Stored<ProcessedTension>[]).every(hasReaders));
}

/**
 * Whether a logged event has today's shape. A client catching up from the log gets a snapshot
 * instead when any event has not: the server masks old events only once it has upgraded them.
 */
export function isLoopEventInCurrentShape(event: LoopEvent): boolean {
  switch (event.type) {
    case 'tension:added':
      return hasReaders(event.tension as Stored<Tension>);
    case 'tension:edited':
    case 'tension:agreement-set':
      return (event as { shownTo?: unknown }).shownTo !== undefined;
    case 'tension:room-set':
    case 'tension:shareable-set':
      return (event as { readers?: unknown }).readers !== undefined;
    case 'meeting:ended':
      return (event.record.processed as Stored<ProcessedTension>[]).every(hasReaders);
    case 'decision:adopted':
      return (event.decision as StoredDecision).number !== undefined;
    default:
      return true;
  }
}

/** A logged event in today's shape, completed from the state it applies to (the server's, unmasked). */
export function upgradeStoredLoopEvent(state: TeamSpaceState, event: LoopEvent): LoopEvent {
  if (isLoopEventInCurrentShape(event)) return event;
  const tensionOf = (id: string) => state.tensions.find((t) => t.id === id);
  switch (event.type) {
    case 'tension:added':
      return { ...event, tension: upgradeTension(event.tension) };
    case 'tension:edited':
    case 'tension:agreement-set': {
      const tension = tensionOf(event.tensionId);
      return { ...event, shownTo: tension ? shownTo(tension) : [] };
    }
    case 'tension:room-set':
    case 'tension:shareable-set': {
      const tension = tensionOf(event.tensionId);
      if (!tension) return { ...event, readers: [], shownTo: [], title: '', description: '', agreement: null };
      const next =
        event.type === 'tension:room-set'
          ? { ...tension, room: event.room }
          : { ...tension, shareable: event.shareable };
      return { ...event, ...disclosure(next) };
    }
    case 'meeting:ended':
      return { ...event, record: upgradeRecord(event.record, state.tensions) };
    case 'decision:adopted':
      // Logged before decisions were numbered: the next number of the (upgraded) state it meets.
      return { ...event, decision: { ...event.decision, number: state.decisionsAdopted + 1 } };
    default:
      return event;
  }
}
