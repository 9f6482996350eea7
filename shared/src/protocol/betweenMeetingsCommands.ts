import { z } from 'zod';
import { roomKeys } from '../teamSpace/state.ts';
import { isKnownTimeZone } from '../teamSpace/timeZones.ts';
import { limits } from './limits.ts';
import { idSchema } from './schemas.ts';
import { syncOutcomeInputSchema } from './syncOutcomeSchema.ts';
import { multiLineText, singleLineText } from './userText.ts';

/**
 * Schemas of the team-space commands that move work between meetings (issue 17): tensions asked
 * on phones, proposals with an objection window, the roles-and-rules register, the rhythm.
 * `loopCommandPayloadSchemas` spreads them in.
 */

const fillersSchema = z.array(idSchema).max(limits.membersPerSpace);

export const roleContentSchema = z.strictObject({
  name: singleLineText(limits.registerRoleName),
  purpose: multiLineText(limits.registerRolePurpose).default(''),
  accountabilities: z.array(singleLineText(limits.accountabilityText)).max(limits.accountabilitiesPerRole).default([]),
});

export const ruleContentSchema = z.strictObject({
  title: singleLineText(limits.topicTitle),
  text: multiLineText(limits.registerRuleText, { required: true }),
});

/** A change to the register as a client proposes it: ids of added entries are given by `decide`. */
export const registerChangeInputSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('role:add'), role: roleContentSchema, fillers: fillersSchema.default([]) }),
  z.strictObject({ op: z.literal('role:amend'), roleId: idSchema, role: roleContentSchema }),
  z.strictObject({ op: z.literal('role:remove'), roleId: idSchema }),
  z.strictObject({ op: z.literal('role:assign'), roleId: idSchema, fillers: fillersSchema }),
  z.strictObject({ op: z.literal('rule:add'), rule: ruleContentSchema }),
  z.strictObject({ op: z.literal('rule:amend'), ruleId: idSchema, rule: ruleContentSchema }),
  z.strictObject({ op: z.literal('rule:remove'), ruleId: idSchema }),
]);
export type RegisterChangeInput = z.infer<typeof registerChangeInputSchema>;

export const registerChangesSchema = z.array(registerChangeInputSchema).max(limits.registerChangesPerProposal);

const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'Not a date.',
    },
  );

export const rhythmEntryInputSchema = z.strictObject({
  /** Kept when a client edits an existing entry; a new entry gets its id from `decide`. */
  id: idSchema.optional(),
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
  weekday: z.union(
    [1, 2, 3, 4, 5, 6, 7].map((d) => z.literal(d)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, ...z.ZodLiteral<number>[]],
  ),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  durationMinutes: z.number().int().min(5).max(limits.meetingMinutesMax),
  startsOn: dateSchema,
});
export type RhythmEntryInput = z.infer<typeof rhythmEntryInputSchema>;

/** An IANA zone name (`Europe/Berlin`, `UTC`) that this runtime's `Intl` knows. */
export const timeZoneSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/)
  .refine(isKnownTimeZone, { message: 'Unknown time zone.' });

const answerText = multiLineText(limits.betweenText, { required: true });

export const betweenMeetingsCommandSchemas = {
  /** The holder asks for answers instead of a meeting, or takes that back. */
  'tension:ask-async': z.strictObject({ tensionId: idSchema, async: z.boolean() }),
  'tension:async-answer': z.strictObject({
    tensionId: idSchema,
    kind: z.enum(['information', 'help', 'action']),
    text: answerText,
  }),
  /** "I got what I needed": the holder chooses the outcome, as a sync meeting would record it. */
  'tension:async-resolve': z.strictObject({
    tensionId: idSchema,
    outcome: syncOutcomeInputSchema,
  }),
  'proposal:publish': z.strictObject({
    /** The member's own open governance tension it answers; a new one is opened without. */
    tensionId: idSchema.optional(),
    title: singleLineText(limits.topicTitle),
    text: multiLineText(limits.topicDescription, { required: true }),
    changes: registerChangesSchema.default([]),
  }),
  'proposal:ask': z.strictObject({ proposalId: idSchema, text: answerText }),
  'proposal:answer': z.strictObject({ proposalId: idSchema, questionId: idSchema, text: answerText }),
  'proposal:react': z.strictObject({ proposalId: idSchema, text: answerText }),
  /** `objection: null` says "no objection"; a text raises one. The newest response counts. */
  'proposal:respond': z.strictObject({ proposalId: idSchema, objection: answerText.nullable() }),
  'proposal:withdraw': z.strictObject({ proposalId: idSchema }),
  /** A facilitator pulls a proposal into the next (or the running) governance meeting before its window closes. */
  'proposal:to-meeting': z.strictObject({ proposalId: idSchema }),
  'space:set-rhythm': z.strictObject({
    timeZone: timeZoneSchema,
    meetings: z.array(rhythmEntryInputSchema).max(limits.rhythmMeetings),
    objectionWindowDays: z.number().int().min(1).max(limits.objectionWindowDaysMax),
  }),
} as const;

/**
 * The server's own command to a team space: close every proposal whose objection window has
 * passed (`now >= closesAt`). Sent by the deadline scheduler; only team spaces decide it.
 */
export interface ProposalCloseDueCommand {
  type: 'proposal:close-due';
}
