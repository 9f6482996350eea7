import type { KindCommandType } from '@runde/shared/client';

/** Which words name a refused command to the person ("Your topic …"), for both kinds of meeting. */
export type RefusedWhat =
  'topic' | 'vote' | 'entry' | 'closing' | 'tension' | 'proposal' | 'objection' | 'rating' | 'change';

const whatByPrefix: ReadonlyArray<readonly [string, RefusedWhat]> = [
  ['topic:', 'topic'],
  ['topics:', 'topic'],
  ['vote:', 'vote'],
  ['outcome:', 'entry'],
  ['action:', 'entry'],
  ['tension:outcome', 'entry'],
  ['tension:agreement', 'entry'],
  ['meeting:', 'entry'],
  ['closing:', 'closing'],
  ['tension:', 'tension'],
  ['proposal:', 'proposal'],
  ['objection:', 'objection'],
  ['roti:', 'rating'],
  ['thumbs:', 'rating'],
];

export function refusedWhat(type: KindCommandType): RefusedWhat {
  return whatByPrefix.find(([prefix]) => type.startsWith(prefix))?.[1] ?? 'change';
}

/** The fields of a payload that hold what a person wrote (never ids, names of owners or choices). */
const writtenFields: ReadonlySet<string> = new Set([
  'title',
  'description',
  'text',
  'agreement',
  'note',
  'proposal',
  'reason',
  'value',
]);

/**
 * What the person wrote in a command, to give back when it is refused: its text fields in the
 * order the payload has them (title before description), nested outcomes included, blank ones
 * left out. Empty for commands without text (a vote): then there is nothing to copy.
 */
export function writtenText(payload: unknown): string {
  const parts: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    for (const [key, field] of Object.entries(value)) {
      if (typeof field === 'string' && writtenFields.has(key) && field.trim() !== '') parts.push(field.trim());
      else if (typeof field === 'object') visit(field);
    }
  };
  visit(payload);
  return parts.join('\n\n');
}
