import { z } from 'zod';
import { cleanUserText, looksEmpty } from './textCleaning.ts';

/**
 * Every schema built here, so a test can walk all command and request schemas and prove that each
 * string a client sends went through {@link cleanUserText} (ids, codes and dates are pattern-bound instead).
 */
export const userTextSchemas = new WeakSet<z.ZodType>();

interface TextOptions {
  /** Refuse text that would show nothing (after cleaning). Off for optional notes, which may be empty. */
  required: boolean;
}

function userText(lines: 'single' | 'multi', max: number, { required }: TextOptions) {
  const checked = z
    .string()
    .min(required ? 1 : 0)
    .max(max)
    .refine((text) => !required || !looksEmpty(text), { message: 'Text must show something.' });
  const schema = z
    .string()
    .transform((raw) => cleanUserText(raw, lines))
    .pipe(checked);
  userTextSchemas.add(schema);
  return schema;
}

/** A single line of user text (a title, a name, a label): line breaks become spaces. */
export const singleLineText = (max: number, options: TextOptions = { required: true }) =>
  userText('single', max, options);

/** User text that may span lines (a description, a proposal, a note): line breaks become `\n`. */
export const multiLineText = (max: number, options: TextOptions = { required: false }) =>
  userText('multi', max, options);
