import { z } from 'zod';
import { limits } from '../protocol/limits.ts';
import { displayNameSchema, dueDateSchema, idSchema, sessionTitleSchema } from '../protocol/schemas.ts';
import { multiLineText, singleLineText } from '../protocol/userText.ts';
import type { ArchivedItem } from '../teamSpace/archive.ts';
import { loopArchivedByFold } from '../teamSpace/archive.ts';
import { keepRecentHistory } from '../teamSpace/history.ts';
import { isPrivateTension } from '../teamSpace/privacy.ts';
import { roomKeys, type TeamSpaceState } from '../teamSpace/state.ts';
import { loopViewFor } from '../teamSpace/view.ts';
import {
  archivedItemsPerKindMax,
  parseExportFile,
  exportedPerson,
  exportedPersonSchema,
  exportHeader,
  exportHeaderFields,
  exportInstantSchema,
  ReferenceCheck,
  type ImportResult,
} from './exportFormat.ts';
import {
  asyncAskSchema,
  betweenRecordsSchema,
  checkAsyncAsk,
  checkBetweenMeetingsReferences,
  checkRegisterChanges,
  proposalsSchema,
  registerChangeListSchema,
  registerSchema,
  rhythmSchema,
} from './betweenMeetingsExport.ts';

const instant = exportInstantSchema;
const room = z.enum(roomKeys);
const stage = z.enum(['checkin', 'checklist', 'projects', 'agenda', 'tensions', 'closing']);
const memberIds = z.array(idSchema).max(limits.membersPerSpace);
const note = multiLineText(limits.outcomeText);
/** Empty only where the exporter's copy masked a private tension it may not read (checked below). */
const maskableTitle = singleLineText(limits.topicTitle, { required: false });

const syncOutcomeSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('information'), note }),
  z.strictObject({ type: z.literal('next-action'), actionId: idSchema }),
  z.strictObject({ type: z.literal('project'), actionId: idSchema }),
  z.strictObject({ type: z.literal('help'), note }),
  z.strictObject({ type: z.literal('sharing'), note }),
  z.strictObject({ type: z.literal('to-governance') }),
]);

const memberSchema = exportedPersonSchema;

const tensionSchema = z.strictObject({
  id: idSchema,
  title: maskableTitle,
  description: multiLineText(limits.topicDescription),
  authorId: idSchema.nullable(),
  anonymous: z.boolean(),
  createdAt: instant,
  proposedRoom: room,
  room,
  roomConfirmed: z.boolean(),
  status: z.enum(['open', 'resolved', 'withdrawn']),
  outcome: syncOutcomeSchema.nullable(),
  gotWhatNeeded: z.boolean().nullable(),
  agreement: note.nullable(),
  shareable: z.boolean(),
  readers: memberIds,
  resolvedAt: instant.nullable(),
  meetingId: idSchema.nullable(),
  async: asyncAskSchema,
});

const actionSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(['next-action', 'project']),
  text: singleLineText(limits.outcomeText),
  ownerId: idSchema.nullable(),
  ownerName: singleLineText(limits.displayName, { required: false }).nullable(),
  due: dueDateSchema.nullable(),
  status: z.enum(['open', 'done']),
  tensionId: idSchema.nullable(),
  meetingId: idSchema.nullable(),
  createdAt: instant,
});

const decisionSchema = z.strictObject({
  id: idSchema,
  /** The decision's number in the log, given at adoption; the import keeps it, so minutes cite the same numbers. */
  number: z.number().int().min(1).max(limits.decisionsPerSpace),
  tensionId: idSchema,
  title: singleLineText(limits.topicTitle),
  text: multiLineText(limits.topicDescription, { required: true }),
  adoptedAt: instant,
  meetingId: idSchema.nullable(),
  present: z.array(displayNameSchema).max(limits.membersPerSpace),
  markedAbsent: z.array(displayNameSchema).max(limits.membersPerSpace).optional(),
  betweenMeetings: z
    .strictObject({
      proposalId: idSchema,
      noResponse: z.array(displayNameSchema).max(limits.membersPerSpace),
    })
    .optional(),
  changes: registerChangeListSchema.optional(),
});

const processedSchema = z.strictObject({
  tensionId: idSchema,
  title: maskableTitle,
  outcome: syncOutcomeSchema.nullable(),
  gotWhatNeeded: z.boolean().nullable(),
  agreement: note.nullable(),
  decisionId: idSchema.nullable(),
  resolved: z.boolean(),
  readers: memberIds.nullable(),
});

const meetingSchema = z.strictObject({
  id: idSchema,
  room,
  startedAt: instant,
  endedAt: instant,
  facilitatorId: idSchema,
  scribeId: idSchema.nullable(),
  attendees: memberIds,
  checklist: z
    .array(z.strictObject({ label: singleLineText(limits.topicTitle), done: z.boolean().nullable() }))
    .max(limits.checklistItems),
  metrics: z
    .array(
      z.strictObject({
        label: singleLineText(limits.topicTitle),
        value: singleLineText(limits.metricValue, { required: false }),
      }),
    )
    .max(limits.metrics),
  projectUpdates: z.array(z.strictObject({ actionId: idSchema, note })).max(limits.projectUpdatesPerMeeting),
  processed: z.array(processedSchema).max(limits.tensionsPerMeeting),
  skipped: z.array(stage).max(stage.options.length).optional(),
});

const roomName = singleLineText(limits.roomName, { required: false }).nullable();

/**
 * A whole team space as a file (`runde-export`, version 1): its live state and everything its
 * archive holds, as the exporting facilitator may read it (private tensions they may not read
 * stay masked, as in their own copy). No join code, tokens, facilitator key or projector key: the
 * file is safe to store anywhere. Lists hold the archive's items first, then the live ones, in
 * their order; every text and list is bounded as in a space, so this schema is also the import's
 * validator.
 */
export const teamSpaceExportSchema = z.strictObject({
  ...exportHeaderFields('team-space'),
  space: z.strictObject({
    title: sessionTitleSchema,
    createdAt: instant,
    roomNames: z.strictObject({
      operational: roomName,
      governance: roomName,
      individual: roomName,
      relationship: roomName,
    }),
    checklist: z.array(singleLineText(limits.topicTitle)).max(limits.checklistItems),
    metrics: z.array(singleLineText(limits.topicTitle)).max(limits.metrics),
    members: z.array(memberSchema).min(1).max(limits.membersPerSpace),
    tensions: z
      .array(tensionSchema)
      .max(limits.openTensionsPerSpace + limits.closedTensionsKept + archivedItemsPerKindMax),
    actions: z.array(actionSchema).max(limits.openActionsPerSpace + limits.doneActionsKept + archivedItemsPerKindMax),
    decisions: z.array(decisionSchema).max(limits.decisionsPerSpace),
    meetings: z.array(meetingSchema).max(limits.meetingsKept + archivedItemsPerKindMax),
    // Issue 17; files written before it lack these and read as a space without between-meetings work.
    register: registerSchema,
    proposals: proposalsSchema,
    between: betweenRecordsSchema(syncOutcomeSchema),
    rhythm: rhythmSchema,
  }),
});
export type TeamSpaceExport = z.output<typeof teamSpaceExportSchema>;

/**
 * The file for the live state, as `memberId` may read it, without the archive: the server answers
 * this to `session:export`, and the exporting device adds the archive page by page
 * ({@link withTeamSpaceArchive}).
 */
export function teamSpaceExportFor(state: TeamSpaceState, memberId: string, exportedAt: number): TeamSpaceExport {
  const view = loopViewFor(state, { participantId: memberId });
  return {
    ...exportHeader('team-space', exportedAt, memberId),
    space: {
      title: view.title,
      createdAt: view.createdAt,
      roomNames: view.roomNames,
      checklist: view.checklist,
      metrics: view.metrics,
      members: view.participants.map(exportedPerson),
      tensions: view.tensions,
      actions: view.actions,
      decisions: view.decisions,
      meetings: view.meetings,
      register: view.register,
      proposals: view.proposals,
      between: view.between,
      rhythm: view.rhythm,
    },
  };
}

/** Every reference in a parsed file resolves, ids are unique, no instant lies after the export. */
function checkTeamSpaceReferences(file: TeamSpaceExport): ReferenceCheck {
  const check = new ReferenceCheck(file.exportedAt);
  const { space } = file;
  const members = check.ids(space.members, 'space.members');
  const tensions = check.ids(space.tensions, 'space.tensions');
  const actions = check.ids(space.actions, 'space.actions');
  const decisions = check.ids(space.decisions, 'space.decisions');
  const meetings = check.ids(space.meetings, 'space.meetings');
  check.exportedByFacilitator(space.members, file.exportedBy);
  check.instant(space.createdAt, 'space.createdAt');
  space.members.forEach((m, i) => check.instant(m.joinedAt, `space.members.${i}.joinedAt`));
  const outcomeRef = (outcome: TeamSpaceExport['space']['tensions'][number]['outcome'], path: string) => {
    if (outcome?.type === 'next-action' || outcome?.type === 'project') {
      check.ref(outcome.actionId, actions, `${path}.outcome.actionId`, 'action');
    }
  };
  space.tensions.forEach((t, i) => {
    const path = `space.tensions.${i}`;
    if (t.title === '' && !isPrivateTension(t)) check.fail({ reason: 'invalid', path: `${path}.title` });
    check.ref(t.authorId, members, `${path}.authorId`, 'member');
    check.refs(t.readers, members, `${path}.readers`, 'member');
    check.ref(t.meetingId, meetings, `${path}.meetingId`, 'meeting');
    outcomeRef(t.outcome, path);
    checkAsyncAsk(check, t.async, members, `${path}.async`);
    check.instant(t.createdAt, `${path}.createdAt`);
    check.instant(t.resolvedAt, `${path}.resolvedAt`);
  });
  space.actions.forEach((a, i) => {
    const path = `space.actions.${i}`;
    check.ref(a.ownerId, members, `${path}.ownerId`, 'member');
    check.ref(a.tensionId, tensions, `${path}.tensionId`, 'tension');
    check.ref(a.meetingId, meetings, `${path}.meetingId`, 'meeting');
    check.instant(a.createdAt, `${path}.createdAt`);
  });
  const register = {
    roles: new Set(space.register.roles.map((r) => r.id)),
    rules: new Set(space.register.rules.map((r) => r.id)),
  };
  // Two decisions with one number would make the log cite the wrong one.
  const numbers = new Set<number>();
  space.decisions.forEach((d, i) => {
    const path = `space.decisions.${i}`;
    if (numbers.has(d.number)) check.fail({ reason: 'duplicate-id', entry: `${path}.number` });
    numbers.add(d.number);
    check.ref(d.tensionId, tensions, `${path}.tensionId`, 'tension');
    check.ref(d.meetingId, meetings, `${path}.meetingId`, 'meeting');
    check.instant(d.adoptedAt, `${path}.adoptedAt`);
    checkRegisterChanges(check, d.changes ?? [], members, `${path}.changes`, register);
  });
  space.meetings.forEach((m, i) => {
    const path = `space.meetings.${i}`;
    check.ref(m.facilitatorId, members, `${path}.facilitatorId`, 'member');
    check.ref(m.scribeId, members, `${path}.scribeId`, 'member');
    check.refs(m.attendees, members, `${path}.attendees`, 'member');
    check.instant(m.startedAt, `${path}.startedAt`);
    check.instant(m.endedAt, `${path}.endedAt`);
    if (m.endedAt < m.startedAt) check.fail({ reason: 'date-out-of-range', entry: `${path}.endedAt` });
    m.projectUpdates.forEach((u, j) =>
      check.ref(u.actionId, actions, `${path}.projectUpdates.${j}.actionId`, 'action'),
    );
    m.processed.forEach((p, j) => {
      const entry = `${path}.processed.${j}`;
      if (p.title === '' && p.readers === null) check.fail({ reason: 'invalid', path: `${entry}.title` });
      check.ref(p.tensionId, tensions, `${entry}.tensionId`, 'tension');
      check.ref(p.decisionId, decisions, `${entry}.decisionId`, 'decision');
      if (p.readers) check.refs(p.readers, members, `${entry}.readers`, 'member');
      outcomeRef(p.outcome, entry);
    });
  });
  checkBetweenMeetingsReferences(check, space, { members, tensions, actions, decisions });
  return check;
}

/** Reads a file as a team-space backup: header, schema (text cleaned on the way), then cross-references. */
export function parseTeamSpaceExport(json: unknown, now: number): ImportResult<TeamSpaceExport> {
  return parseExportFile(json, now, 'team-space', teamSpaceExportSchema, checkTeamSpaceReferences);
}

/** What an import stores: a new space's live state, what goes straight to its archive, and the importer's seat. */
export interface ImportedTeamSpace {
  state: TeamSpaceState;
  archive: ArchivedItem[];
  facilitatorId: string;
}

/**
 * The new space a checked file becomes, under a new id. Nobody is online (no member has a device
 * yet); the exporter's seat, a facilitator, goes to the importer. The live state keeps what a space
 * keeps (`keepRecentHistory`) and the rest goes to the archive, as if the space had lived here.
 */
export function teamSpaceFromExport(file: TeamSpaceExport, id: string, now: number): ImportedTeamSpace {
  const { space } = file;
  const full: TeamSpaceState = {
    id,
    kind: 'team-space',
    title: space.title,
    createdAt: space.createdAt,
    roomNames: space.roomNames,
    checklist: space.checklist,
    metrics: space.metrics,
    participants: space.members.map((m) => ({ ...m, online: false })),
    tensions: space.tensions,
    actions: space.actions,
    decisions: space.decisions,
    // The next decision continues the file's numbering.
    decisionsAdopted: space.decisions.reduce((highest, d) => Math.max(highest, d.number), 0),
    meetings: space.meetings,
    meeting: null,
    register: space.register,
    proposals: space.proposals,
    between: space.between,
    rhythm: space.rhythm,
  };
  const state = keepRecentHistory(full);
  return { state, archive: loopArchivedByFold(full, state, now), facilitatorId: file.exportedBy };
}
