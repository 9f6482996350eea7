import { z } from 'zod';
import { roomKeys } from '../teamSpace/state.ts';
import { betweenMeetingsCommandSchemas, registerChangesSchema } from './betweenMeetingsCommands.ts';
import {
  actionTextSchema,
  emptyPayload as empty,
  ownerFields,
  participantCommandSchemas,
  timerCommandSchemas,
  type CommandsOf,
} from './commandParts.ts';
import { limits } from './limits.ts';
import { idSchema } from './schemas.ts';
import { accessSetSchema } from './signInProtocol.ts';
import { multiLineText, singleLineText } from './userText.ts';
import { syncOutcomeInputSchema } from './syncOutcomeSchema.ts';

export { syncOutcomeInputSchema };

const roomSchema = z.enum(roomKeys);

/** One schema per team-space command. Names never clash with Lean Coffee's, except shared ones (timer, participant). */
export const loopCommandPayloadSchemas = {
  'space:update': z.strictObject({
    title: singleLineText(limits.sessionTitle).optional(),
    roomNames: z.partialRecord(roomSchema, singleLineText(limits.roomName, { required: false }).nullable()).optional(),
    checklist: z.array(singleLineText(limits.topicTitle)).max(limits.checklistItems).optional(),
    metrics: z.array(singleLineText(limits.topicTitle)).max(limits.metrics).optional(),
  }),
  ...participantCommandSchemas,
  /** A facilitator requires sign-in for this space, or opens it to the link again. */
  'access:set': accessSetSchema,
  'tension:add': z.strictObject({
    title: singleLineText(limits.topicTitle),
    description: multiLineText(limits.topicDescription).default(''),
    room: roomSchema,
    anonymous: z.boolean().default(false),
    /** "Needs an answer, not a meeting": asked between meetings from the start (shared rooms only). */
    async: z.boolean().optional(),
  }),
  'tension:edit': z.strictObject({
    tensionId: idSchema,
    title: singleLineText(limits.topicTitle),
    description: multiLineText(limits.topicDescription).default(''),
  }),
  'tension:withdraw': z.strictObject({ tensionId: idSchema }),
  'tension:assign-room': z.strictObject({ tensionId: idSchema, room: roomSchema }),
  'tension:set-shareable': z.strictObject({ tensionId: idSchema, shareable: z.boolean() }),
  'tension:start': z.strictObject({ tensionId: idSchema, proposerId: idSchema.optional() }),
  'tension:outcome': z.strictObject({ outcome: syncOutcomeInputSchema }),
  'tension:agreement': z.strictObject({ agreement: multiLineText(limits.outcomeText, { required: true }) }),
  /** "Did you get what you need?": the holder's answer, given by them or by the facilitator or scribe for them. */
  'tension:answer': z.strictObject({ gotWhatNeeded: z.boolean().nullable() }),
  'tension:close': z.strictObject({ gotWhatNeeded: z.boolean().nullable().default(null) }),
  'action:update': z.strictObject({ actionId: idSchema, text: actionTextSchema, ...ownerFields }),
  'action:set-status': z.strictObject({ actionId: idSchema, status: z.enum(['open', 'done']) }),
  'meeting:start': z.strictObject({ room: roomSchema }),
  'meeting:assign-role': z.strictObject({ role: z.enum(['facilitator', 'scribe']), participantId: idSchema }),
  'meeting:advance': empty,
  'meeting:back': empty,
  'meeting:end': empty,
  'meeting:mark-checklist': z.strictObject({
    index: z
      .number()
      .int()
      .min(0)
      .max(limits.checklistItems - 1),
    done: z.boolean().nullable(),
  }),
  'meeting:set-metric': z.strictObject({
    index: z
      .number()
      .int()
      .min(0)
      .max(limits.metrics - 1),
    value: singleLineText(limits.metricValue, { required: false }),
  }),
  'meeting:update-project': z.strictObject({ actionId: idSchema, note: multiLineText(limits.outcomeText) }),
  'meeting:agenda-add': z.strictObject({ tensionId: idSchema }),
  'meeting:agenda-remove': z.strictObject({ tensionId: idSchema }),
  'round:start': z.strictObject({ kind: z.enum(['checkin', 'closing', 'personal']) }),
  'round:next': empty,
  'round:pass': empty,
  'proposal:set': z.strictObject({
    proposal: multiLineText(limits.topicDescription, { required: true }),
    /** What the proposal changes in the register; missing keeps the changes it has. */
    changes: registerChangesSchema.optional(),
  }),
  'process:advance': empty,
  'process:back': empty,
  'objection:raise': z.strictObject({ reason: multiLineText(limits.outcomeText, { required: true }) }),
  'objection:none': empty,
  /** Names whose turn it is, so a round that moved on meanwhile never marks the wrong person. */
  'objection:mark-absent': z.strictObject({ participantId: idSchema }),
  'objection:test': z.strictObject({ objectionId: idSchema, valid: z.boolean() }),
  'objection:integrate': z.strictObject({ objectionId: idSchema }),
  ...timerCommandSchemas,
  ...betweenMeetingsCommandSchemas,
} as const;

export type LoopCommandType = keyof typeof loopCommandPayloadSchemas;

/** A parsed team-space command, discriminated by `type`. */
export type LoopCommand = CommandsOf<typeof loopCommandPayloadSchemas>;
