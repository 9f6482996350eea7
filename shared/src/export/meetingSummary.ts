import { findMember, findTension } from '../teamSpace/selectors.ts';
import {
  personalRooms,
  type ActionItem,
  type MeetingRecord,
  type MeetingStage,
  type RoomKey,
  type SyncOutcomeType,
  type TeamSpaceState,
} from '../teamSpace/state.ts';

/** An action as the minutes list it: the owner's name as typed, or none yet. */
export type ActionSummary = Pick<ActionItem, 'text' | 'ownerName' | 'due' | 'status'>;

/** What became of a tension's proposal, as far as the minutes tell it. */
export type DecisionSummary =
  | { kind: 'adopted'; id: string; text: string; markedAbsent: string[] }
  /** Adopted, but the live log let it go to the archive: the full decision log has its text. */
  | { kind: 'archived' }
  /** A governance tension that left the meeting without a decision. */
  | { kind: 'none' };

/** One tension the meeting processed, shown because the group may read it. */
export interface ProcessedSummary {
  title: string;
  /** `action` when the outcome made an action still in the space; `note` when the outcome holds one. */
  outcome: { type: SyncOutcomeType; action: ActionSummary | null; note: string | null } | null;
  gotWhatNeeded: boolean | null;
  agreement: string | null;
  /** `null` outside the governance room when nothing was adopted: there was nothing to decide. */
  decision: DecisionSummary | null;
}

/** Everything the minutes of one team meeting show, in the order they show it. */
export interface MeetingSummary {
  spaceTitle: string;
  room: RoomKey;
  /** The team's own name for the room; `null` keeps the default in the reader's language. */
  customRoomName: string | null;
  startedAt: number;
  /** Names; `?` for someone the space no longer knows. */
  attendees: string[];
  /** `null` when the meeting had nobody in the role. */
  facilitator: string | null;
  scribe: string | null;
  /** Steps the meeting skipped or ended before, in order. */
  skipped: MeetingStage[];
  checklist: Array<{ label: string; done: boolean | null }>;
  metrics: Array<{ label: string; value: string }>;
  /** `project` is `?` when the project left the space. */
  projectUpdates: Array<{ project: string; note: string }>;
  /** Tensions processed in all, the unshared personal ones included. */
  processedCount: number;
  tensions: ProcessedSummary[];
  /** Personal tensions processed but not marked shareable: counted, never named. */
  notShared: number;
  /** Actions this meeting made. */
  actions: ActionSummary[];
  /** Open actions of earlier meetings. */
  stillOpen: ActionSummary[];
}

const actionSummary = ({ text, ownerName, due, status }: ActionItem): ActionSummary => ({
  text,
  ownerName,
  due,
  status,
});

function decisionOf(state: TeamSpaceState, decisionId: string | null, room: RoomKey): DecisionSummary | null {
  const decision = decisionId ? state.decisions.find((d) => d.id === decisionId) : undefined;
  if (decision) {
    return { kind: 'adopted', id: decision.id, text: decision.text, markedAbsent: decision.markedAbsent ?? [] };
  }
  // The live log keeps the newest decisions; an older meeting's may be in the archive by now.
  if (decisionId) return { kind: 'archived' };
  return room === 'governance' ? { kind: 'none' } : null;
}

/**
 * Builds the minutes of one team meeting from a (viewer's) state. Pure; the Markdown export and
 * the minutes page share it. Content of the individual and relationship rooms appears only where
 * the group marked it shareable.
 */
export function summarizeMeeting(state: TeamSpaceState, record: MeetingRecord): MeetingSummary {
  const name = (id: string | null) => (id ? (findMember(state, id)?.name ?? '?') : null);
  // Personal rooms stay out of the minutes unless the group marked the tension shareable.
  const personal = personalRooms.includes(record.room);
  const shown = record.processed.filter((p) => !personal || findTension(state, p.tensionId)?.shareable);
  return {
    spaceTitle: state.title,
    room: record.room,
    customRoomName: state.roomNames[record.room],
    startedAt: record.startedAt,
    attendees: record.attendees.map((id) => name(id) ?? '?'),
    facilitator: name(record.facilitatorId),
    scribe: name(record.scribeId),
    skipped: record.skipped ?? [],
    checklist: record.checklist,
    metrics: record.metrics,
    projectUpdates: record.projectUpdates.map((update) => ({
      project: state.actions.find((a) => a.id === update.actionId)?.text ?? '?',
      note: update.note,
    })),
    processedCount: record.processed.length,
    tensions: shown.map((entry) => {
      const outcome = entry.outcome;
      const action =
        outcome && (outcome.type === 'next-action' || outcome.type === 'project')
          ? state.actions.find((a) => a.id === outcome.actionId)
          : undefined;
      return {
        title: entry.title,
        outcome: outcome && {
          type: outcome.type,
          action: action ? actionSummary(action) : null,
          note: 'note' in outcome && outcome.note ? outcome.note : null,
        },
        gotWhatNeeded: entry.gotWhatNeeded,
        agreement: entry.agreement || null,
        decision: decisionOf(state, entry.decisionId, record.room),
      };
    }),
    notShared: record.processed.length - shown.length,
    actions: state.actions.filter((a) => a.meetingId === record.id).map(actionSummary),
    stillOpen: state.actions.filter((a) => a.status === 'open' && a.meetingId !== record.id).map(actionSummary),
  };
}
