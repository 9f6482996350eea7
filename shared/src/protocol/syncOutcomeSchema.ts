import { z } from 'zod';
import { actionTextSchema, ownerFields } from './commandParts.ts';
import { limits } from './limits.ts';
import { multiLineText } from './userText.ts';

const note = multiLineText(limits.outcomeText).default('');

/** What the holder got, answering "What do you need?"; actions carry their owner. */
export const syncOutcomeInputSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('information'), note }),
  z.strictObject({ type: z.literal('next-action'), text: actionTextSchema, ...ownerFields }),
  z.strictObject({ type: z.literal('project'), text: actionTextSchema, ...ownerFields }),
  z.strictObject({ type: z.literal('help'), note }),
  z.strictObject({ type: z.literal('sharing'), note }),
  z.strictObject({ type: z.literal('to-governance') }),
]);
