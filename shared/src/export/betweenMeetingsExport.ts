import { z } from 'zod';
import { limits } from '../protocol/limits.ts';
import { idSchema } from '../protocol/schemas.ts';
import { roleContentSchema, ruleContentSchema, timeZoneSchema } from '../protocol/betweenMeetingsCommands.ts';
import { multiLineText, singleLineText } from '../protocol/userText.ts';
import { roomKeys } from '../teamSpace/state.ts';
import { defaultRhythm } from '../teamSpace/rhythmTypes.ts';
import { emptyRegister } from '../teamSpace/registerTypes.ts';
import { exportInstantSchema, type ReferenceCheck } from './exportFormat.ts';

/**
 * What a team-space backup holds of the work between meetings (issue 17): tensions asked on
 * phones, proposals with their objection window, the between-meetings records, the register of
 * roles and rules with every entry's history, and the rhythm. Bounded like the space itself; files
 * written before issue 17 lack these fields and read as a space without any of it.
 */

const instant = exportInstantSchema;
const memberIds = z.array(idSchema).max(limits.membersPerSpace);
const answerText = multiLineText(limits.outcomeText, { required: true });

/** The outcome a tension got, as `teamSpaceExport` reads it (passed in to keep one schema). */
type OutcomeSchema = z.ZodType<
  | { type: 'information'; note: string }
  | { type: 'next-action'; actionId: string }
  | { type: 'project'; actionId: string }
  | { type: 'help'; note: string }
  | { type: 'sharing'; note: string }
  | { type: 'to-governance' }
>;

export const asyncAnswerSchema = z.strictObject({
  id: idSchema,
  by: idSchema,
  kind: z.enum(['information', 'help', 'action']),
  text: answerText,
  at: instant,
});

/** `Tension.async`: missing in files written before issue 17, which read as "not asked". */
export const asyncAskSchema = z
  .strictObject({
    askedAt: instant,
    answers: z.array(asyncAnswerSchema).max(limits.asyncAnswersPerTension),
  })
  .nullable()
  .default(null);

/** A register change as adopted: added entries carry the ids `decide` gave them. */
export const registerChangeSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('role:add'), roleId: idSchema, role: roleContentSchema, fillers: memberIds }),
  z.strictObject({ op: z.literal('role:amend'), roleId: idSchema, role: roleContentSchema }),
  z.strictObject({ op: z.literal('role:remove'), roleId: idSchema }),
  z.strictObject({ op: z.literal('role:assign'), roleId: idSchema, fillers: memberIds }),
  z.strictObject({ op: z.literal('rule:add'), ruleId: idSchema, rule: ruleContentSchema }),
  z.strictObject({ op: z.literal('rule:amend'), ruleId: idSchema, rule: ruleContentSchema }),
  z.strictObject({ op: z.literal('rule:remove'), ruleId: idSchema }),
]);
export const registerChangeListSchema = z.array(registerChangeSchema).max(limits.registerChangesPerProposal);

const historyEntrySchema = z.strictObject({
  decisionId: idSchema,
  decisionNumber: z.number().int().min(1).max(limits.decisionsPerSpace),
  at: instant,
  op: z.enum(['role:add', 'role:amend', 'role:remove', 'role:assign', 'rule:add', 'rule:amend', 'rule:remove']),
  before: z.union([roleContentSchema, ruleContentSchema]).nullable(),
  fillersBefore: memberIds.optional(),
  fillersAfter: memberIds.optional(),
});
const historySchema = z.array(historyEntrySchema).max(limits.registerHistoryPerEntry);
const entryStatus = z.enum(['active', 'removed']);

export const registerSchema = z
  .strictObject({
    roles: z
      .array(
        z.strictObject({
          id: idSchema,
          ...roleContentSchema.shape,
          fillers: memberIds,
          status: entryStatus,
          history: historySchema,
        }),
      )
      .max(limits.registerRoles),
    rules: z
      .array(z.strictObject({ id: idSchema, ...ruleContentSchema.shape, status: entryStatus, history: historySchema }))
      .max(limits.registerRules),
  })
  .default(emptyRegister);

const objectionSchema = z.strictObject({
  id: idSchema,
  by: idSchema,
  reason: answerText,
  status: z.enum(['open', 'valid', 'invalid', 'integrated']),
  round: z.number().int().min(0).max(limits.objectionRoundsPerProcess),
});

const proposalStatus = z.enum(['open', 'adopted', 'to-meeting', 'adopted-in-meeting', 'dropped', 'withdrawn']);

export const proposalsSchema = z
  .array(
    z.strictObject({
      id: idSchema,
      tensionId: idSchema,
      authorId: idSchema,
      title: singleLineText(limits.topicTitle),
      text: multiLineText(limits.topicDescription, { required: true }),
      changes: registerChangeListSchema,
      publishedAt: instant,
      // May lie after the export: the window was still open.
      closesAt: instant,
      status: proposalStatus,
      closedAt: instant.nullable(),
      toMeeting: z.enum(['objection', 'pulled', 'not-applicable']).nullable(),
      asked: memberIds,
      questions: z
        .array(
          z.strictObject({
            id: idSchema,
            by: idSchema,
            text: answerText,
            at: instant,
            answer: answerText.nullable(),
            answeredAt: instant.nullable(),
          }),
        )
        .max(limits.questionsPerProposal),
      reactions: z
        .array(z.strictObject({ id: idSchema, by: idSchema, text: answerText, at: instant }))
        .max(limits.reactionsPerProposal),
      responses: z
        .array(z.strictObject({ by: idSchema, at: instant, objectionId: idSchema.nullable() }))
        .max(limits.membersPerSpace),
      objections: z.array(objectionSchema).max(limits.objectionsPerProcess),
      decisionId: idSchema.nullable(),
    }),
  )
  .max(limits.openProposalsPerSpace + limits.closedProposalsKept)
  .default([]);

/** The between-meetings records; `outcome` is the tension outcome schema of the file. */
export function betweenRecordsSchema(outcome: OutcomeSchema) {
  return z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({
          kind: z.literal('tension-resolved'),
          id: idSchema,
          at: instant,
          tensionId: idSchema,
          title: singleLineText(limits.topicTitle, { required: false }),
          outcome,
          answers: z.array(asyncAnswerSchema).max(limits.asyncAnswersPerTension),
        }),
        z.strictObject({
          kind: z.literal('proposal-closed'),
          id: idSchema,
          at: instant,
          proposalId: idSchema,
          tensionId: idSchema,
          title: singleLineText(limits.topicTitle),
          status: z.enum(['adopted', 'to-meeting', 'dropped', 'withdrawn']),
          decisionId: idSchema.nullable(),
        }),
      ]),
    )
    .max(limits.betweenRecordsKept)
    .default([]);
}

export const rhythmSchema = z
  .strictObject({
    timeZone: timeZoneSchema,
    meetings: z
      .array(
        z.strictObject({
          id: idSchema,
          room: z.enum(roomKeys),
          repeat: z.discriminatedUnion('every', [
            z.strictObject({
              every: z.literal('week'),
              interval: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
            }),
            z.strictObject({
              every: z.literal('month'),
              nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
            }),
          ]),
          weekday: z.union([
            z.literal(1),
            z.literal(2),
            z.literal(3),
            z.literal(4),
            z.literal(5),
            z.literal(6),
            z.literal(7),
          ]),
          time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
          durationMinutes: z.number().int().min(5).max(limits.meetingMinutesMax),
          startsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        }),
      )
      .max(limits.rhythmMeetings),
    objectionWindowDays: z.number().int().min(1).max(limits.objectionWindowDaysMax),
  })
  .default(defaultRhythm);

type Register = z.output<typeof registerSchema>;
type Proposals = z.output<typeof proposalsSchema>;
type BetweenRecords = z.output<ReturnType<typeof betweenRecordsSchema>>;
type RegisterChanges = z.output<typeof registerChangeListSchema>;

/** The sets of ids the between-meetings parts refer to. */
export interface SpaceIds {
  members: ReadonlySet<string>;
  tensions: ReadonlySet<string>;
  actions: ReadonlySet<string>;
  decisions: ReadonlySet<string>;
}

/**
 * Changes name members who fill roles. Adopted changes (`register` given) also name entries the
 * register holds: it keeps removed entries too, so every entry a decision changed is there.
 */
export function checkRegisterChanges(
  check: ReferenceCheck,
  changes: RegisterChanges,
  members: ReadonlySet<string>,
  path: string,
  register?: { roles: ReadonlySet<string>; rules: ReadonlySet<string> },
): void {
  changes.forEach((c, i) => {
    if (c.op === 'role:add' || c.op === 'role:assign') check.refs(c.fillers, members, `${path}.${i}.fillers`, 'member');
    if (!register) return;
    if ('roleId' in c) check.ref(c.roleId, register.roles, `${path}.${i}.roleId`, 'role');
    else check.ref(c.ruleId, register.rules, `${path}.${i}.ruleId`, 'rule');
  });
}

/** Every reference of the register, the proposals and the records resolves; ids are unique; no instant after the export. */
export function checkBetweenMeetingsReferences(
  check: ReferenceCheck,
  space: { register: Register; proposals: Proposals; between: BetweenRecords },
  ids: SpaceIds,
): void {
  const history = (entries: Register['roles'][number]['history'], path: string) =>
    entries.forEach((h, j) => {
      check.ref(h.decisionId, ids.decisions, `${path}.history.${j}.decisionId`, 'decision');
      check.instant(h.at, `${path}.history.${j}.at`);
      check.refs(h.fillersBefore ?? [], ids.members, `${path}.history.${j}.fillersBefore`, 'member');
      check.refs(h.fillersAfter ?? [], ids.members, `${path}.history.${j}.fillersAfter`, 'member');
    });
  check.ids(space.register.roles, 'space.register.roles');
  check.ids(space.register.rules, 'space.register.rules');
  space.register.roles.forEach((r, i) => {
    const path = `space.register.roles.${i}`;
    check.refs(r.fillers, ids.members, `${path}.fillers`, 'member');
    history(r.history, path);
  });
  space.register.rules.forEach((r, i) => history(r.history, `space.register.rules.${i}`));

  check.ids(space.proposals, 'space.proposals');
  space.proposals.forEach((p, i) => {
    const path = `space.proposals.${i}`;
    check.ref(p.tensionId, ids.tensions, `${path}.tensionId`, 'tension');
    check.ref(p.authorId, ids.members, `${path}.authorId`, 'member');
    check.ref(p.decisionId, ids.decisions, `${path}.decisionId`, 'decision');
    check.refs(p.asked, ids.members, `${path}.asked`, 'member');
    check.instant(p.publishedAt, `${path}.publishedAt`);
    check.instant(p.closedAt, `${path}.closedAt`);
    if (p.closesAt < p.publishedAt) check.fail({ reason: 'date-out-of-range', entry: `${path}.closesAt` });
    checkRegisterChanges(check, p.changes, ids.members, `${path}.changes`);
    const objections = check.ids(p.objections, `${path}.objections`);
    p.objections.forEach((o, j) => check.ref(o.by, ids.members, `${path}.objections.${j}.by`, 'member'));
    p.questions.forEach((q, j) => {
      check.ref(q.by, ids.members, `${path}.questions.${j}.by`, 'member');
      check.instant(q.at, `${path}.questions.${j}.at`);
      check.instant(q.answeredAt, `${path}.questions.${j}.answeredAt`);
    });
    p.reactions.forEach((r, j) => {
      check.ref(r.by, ids.members, `${path}.reactions.${j}.by`, 'member');
      check.instant(r.at, `${path}.reactions.${j}.at`);
    });
    p.responses.forEach((r, j) => {
      check.ref(r.by, ids.members, `${path}.responses.${j}.by`, 'member');
      check.ref(r.objectionId, objections, `${path}.responses.${j}.objectionId`, 'objection');
      check.instant(r.at, `${path}.responses.${j}.at`);
    });
  });

  check.ids(space.between, 'space.between');
  space.between.forEach((r, i) => {
    const path = `space.between.${i}`;
    check.ref(r.tensionId, ids.tensions, `${path}.tensionId`, 'tension');
    check.instant(r.at, `${path}.at`);
    if (r.kind === 'tension-resolved') {
      if (r.outcome.type === 'next-action' || r.outcome.type === 'project') {
        check.ref(r.outcome.actionId, ids.actions, `${path}.outcome.actionId`, 'action');
      }
      r.answers.forEach((a, j) => check.ref(a.by, ids.members, `${path}.answers.${j}.by`, 'member'));
    } else {
      // Not checked against the proposals: closed ones beyond those kept are gone, their record stays.
      check.ref(r.decisionId, ids.decisions, `${path}.decisionId`, 'decision');
    }
  });
}

/** One tension's answers name members; they are checked like the tension's author. */
export function checkAsyncAsk(
  check: ReferenceCheck,
  ask: { askedAt: number; answers: Array<{ by: string; at: number }> } | null,
  members: ReadonlySet<string>,
  path: string,
): void {
  if (!ask) return;
  check.instant(ask.askedAt, `${path}.askedAt`);
  ask.answers.forEach((a, j) => {
    check.ref(a.by, members, `${path}.answers.${j}.by`, 'member');
    check.instant(a.at, `${path}.answers.${j}.at`);
  });
}
