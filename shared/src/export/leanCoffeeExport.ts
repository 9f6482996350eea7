import { z } from 'zod';
import type { SessionState } from '../leanCoffee/state.ts';
import { viewFor } from '../leanCoffee/view.ts';
import { limits } from '../protocol/limits.ts';
import {
  dueDateSchema,
  idSchema,
  leanCoffeeSettingsSchema,
  outcomeKindSchema,
  phaseSchema,
  sessionTitleSchema,
  topicDescriptionSchema,
  topicTitleSchema,
} from '../protocol/schemas.ts';
import { singleLineText } from '../protocol/userText.ts';
import {
  parseExportFile,
  exportedPerson,
  exportedPersonSchema,
  exportHeader,
  exportHeaderFields,
  exportInstantSchema,
  ReferenceCheck,
  type ImportResult,
} from './exportFormat.ts';

const instant = exportInstantSchema;
const count = (max: number) => z.number().int().min(0).max(max);

const participantSchema = exportedPersonSchema;

const topicSchema = z.strictObject({
  id: idSchema,
  title: topicTitleSchema,
  description: topicDescriptionSchema,
  authorId: idSchema.nullable(),
  anonymous: z.boolean(),
  createdAt: instant,
  mergedTitles: z.array(topicTitleSchema).max(limits.topicsPerSession),
  status: z.enum(['open', 'discussing', 'discussed', 'skipped']),
  discussingSince: instant.nullable(),
  // A topic is discussed for at most a day; anything longer is a broken file.
  spentMs: count(24 * 60 * 60 * 1000),
  endedAt: instant.nullable(),
  extensions: count(limits.extensionsPerTopic),
  thumbsHistory: z
    .array(
      z.strictObject({
        up: count(limits.participantsPerSession),
        side: count(limits.participantsPerSession),
        down: count(limits.participantsPerSession),
        outcome: z.enum(['extended', 'closed']),
        at: instant,
      }),
    )
    .max(limits.extensionsPerTopic + 1),
});

const outcomeSchema = z.strictObject({
  id: idSchema,
  topicId: idSchema,
  kind: outcomeKindSchema,
  text: singleLineText(limits.outcomeText),
  authorId: idSchema,
  ownerId: idSchema.nullable(),
  ownerName: singleLineText(limits.displayName, { required: false }).nullable(),
  due: dueDateSchema.nullable(),
  createdAt: instant,
});

/**
 * A Lean Coffee as a file (`runde-export`, version 1), as its exporting facilitator's copy shows
 * it: other people's dots and ROTI scores without their voter, anonymous topics without their
 * author. No join code, tokens or keys. What only matters while it runs (the timer, an open thumbs
 * vote) is left out: an imported session starts with its timer idle.
 */
export const leanCoffeeExportSchema = z.strictObject({
  ...exportHeaderFields('lean-coffee'),
  session: z.strictObject({
    title: sessionTitleSchema,
    createdAt: instant,
    settings: leanCoffeeSettingsSchema,
    phase: phaseSchema,
    participants: z.array(participantSchema).min(1).max(limits.participantsPerSession),
    topics: z.array(topicSchema).max(limits.topicsPerSession),
    votes: z
      .array(z.strictObject({ voterId: idSchema.nullable(), topicId: idSchema.nullable() }))
      .max(limits.participantsPerSession * limits.votesPerPersonMax),
    votesRevealed: z.boolean(),
    agenda: z.array(idSchema).max(limits.topicsPerSession).nullable(),
    outcomes: z.array(outcomeSchema).max(limits.outcomesPerSession),
    closing: z
      .array(
        z.strictObject({
          participantId: idSchema,
          text: singleLineText(limits.closingText).nullable(),
        }),
      )
      .max(limits.participantsPerSession),
    roti: z
      .array(z.strictObject({ voterId: idSchema.nullable(), score: z.number().int().min(1).max(5) }))
      .max(limits.participantsPerSession),
  }),
});
export type LeanCoffeeExport = z.output<typeof leanCoffeeExportSchema>;

/** The file for a Lean Coffee, as `participantId` may read it. */
export function leanCoffeeExportFor(state: SessionState, participantId: string, exportedAt: number): LeanCoffeeExport {
  const view = viewFor(state, { participantId });
  return {
    ...exportHeader('lean-coffee', exportedAt, participantId),
    session: {
      title: view.title,
      createdAt: view.createdAt,
      settings: view.settings,
      phase: view.phase,
      participants: view.participants.map(exportedPerson),
      topics: view.topics,
      votes: view.votes,
      votesRevealed: view.votesRevealed,
      agenda: view.agenda,
      outcomes: view.outcomes,
      closing: view.closing,
      roti: view.roti,
    },
  };
}

function checkLeanCoffeeReferences(file: LeanCoffeeExport): ReferenceCheck {
  const check = new ReferenceCheck(file.exportedAt);
  const { session } = file;
  const people = check.ids(session.participants, 'session.participants');
  const topics = check.ids(session.topics, 'session.topics');
  check.ids(session.outcomes, 'session.outcomes');
  check.exportedByFacilitator(session.participants, file.exportedBy);
  check.instant(session.createdAt, 'session.createdAt');
  session.participants.forEach((p, i) => check.instant(p.joinedAt, `session.participants.${i}.joinedAt`));
  session.topics.forEach((t, i) => {
    const path = `session.topics.${i}`;
    check.ref(t.authorId, people, `${path}.authorId`, 'participant');
    check.instant(t.createdAt, `${path}.createdAt`);
    check.instant(t.discussingSince, `${path}.discussingSince`);
    check.instant(t.endedAt, `${path}.endedAt`);
    t.thumbsHistory.forEach((h, j) => check.instant(h.at, `${path}.thumbsHistory.${j}.at`));
  });
  session.votes.forEach((v, i) => {
    check.ref(v.voterId, people, `session.votes.${i}.voterId`, 'participant');
    check.ref(v.topicId, topics, `session.votes.${i}.topicId`, 'topic');
  });
  if (session.agenda) check.refs(session.agenda, topics, 'session.agenda', 'topic');
  session.outcomes.forEach((o, i) => {
    const path = `session.outcomes.${i}`;
    check.ref(o.topicId, topics, `${path}.topicId`, 'topic');
    check.ref(o.authorId, people, `${path}.authorId`, 'participant');
    check.ref(o.ownerId, people, `${path}.ownerId`, 'participant');
    check.instant(o.createdAt, `${path}.createdAt`);
  });
  session.closing.forEach((c, i) =>
    check.ref(c.participantId, people, `session.closing.${i}.participantId`, 'participant'),
  );
  session.roti.forEach((r, i) => check.ref(r.voterId, people, `session.roti.${i}.voterId`, 'participant'));
  return check;
}

/** Reads a file as a Lean Coffee backup: header, schema (text cleaned on the way), then cross-references. */
export function parseLeanCoffeeExport(json: unknown, now: number): ImportResult<LeanCoffeeExport> {
  return parseExportFile(json, now, 'lean-coffee', leanCoffeeExportSchema, checkLeanCoffeeReferences);
}

/** The new Lean Coffee a checked file becomes, under a new id: nobody online, the timer idle, no open thumbs vote, no hall. */
export function leanCoffeeFromExport(
  file: LeanCoffeeExport,
  id: string,
): { state: SessionState; facilitatorId: string } {
  const { session } = file;
  const state: SessionState = {
    id,
    kind: 'lean-coffee',
    ...session,
    participants: session.participants.map((p) => ({ ...p, online: false })),
    timer: { status: 'idle' },
    thumbs: null,
    // A restored table is a Lean Coffee of its own: its hall does not follow it.
    hall: null,
    highlightId: null,
  };
  return { state, facilitatorId: file.exportedBy };
}
