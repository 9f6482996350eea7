import { defaultLeanCoffeeSettings, votingRules, type LeanCoffeeSettings } from '@runde/shared/client';
import { checkForm, leanCoffeeSettingsSchema } from '@runde/shared/forms';

/**
 * The settings as the form holds them: numbers may be empty while typing (`null`), and the
 * extension lengths are the text the facilitator typed ("4, 2").
 */
export interface SettingsForm {
  votesPerPerson: number | null;
  allowStacking: boolean;
  anonymousTopics: boolean;
  hiddenVoting: boolean;
  /** Empty means no limit. */
  topicsPerPerson: number | null;
  timeboxMinutes: number | null;
  extensionMinutes: string;
}

/** What is wrong with a field, as a message key's last part. */
export type SettingsProblem = 'votesPerPerson' | 'topicsPerPerson' | 'timeboxMinutes' | 'extensionMinutes';

export type SettingsParse = { ok: true; settings: LeanCoffeeSettings } | { ok: false; problem: SettingsProblem };

/** The settings that change how votes count: fixed once voting has started (the rule `decide` applies). */
export { votingRules };

export function settingsToForm(settings: LeanCoffeeSettings = defaultLeanCoffeeSettings): SettingsForm {
  return {
    votesPerPerson: settings.votesPerPerson,
    allowStacking: settings.allowStacking,
    anonymousTopics: settings.anonymousTopics,
    hiddenVoting: settings.hiddenVoting,
    topicsPerPerson: settings.topicsPerPerson,
    timeboxMinutes: settings.timeboxMinutes,
    extensionMinutes: settings.extensionMinutes.join(', '),
  };
}

/** "4, 2", "4 2" and "4;2" all read as [4, 2]; a part that is not a whole number reads as NaN, which the schema refuses. */
function readExtensionMinutes(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
}

/** The extension minutes a text gives, or `undefined` when the server's schema would refuse them. */
export function parseExtensionMinutes(text: string): number[] | undefined {
  const checked = checkForm(leanCoffeeSettingsSchema.shape.extensionMinutes, readExtensionMinutes(text));
  return checked.ok ? checked.value : undefined;
}

/** Checks the form with the server's own schema, so problems show next to the field and never differ from its answer. */
export function formToSettings(form: SettingsForm): SettingsParse {
  const checked = checkForm(leanCoffeeSettingsSchema, {
    ...form,
    extensionMinutes: readExtensionMinutes(form.extensionMinutes),
  });
  if (checked.ok) return { ok: true, settings: checked.value };
  // Every field the form can get wrong is a number or the extension list; the booleans come from checkboxes.
  return { ok: false, problem: isSettingsProblem(checked.field) ? checked.field : 'votesPerPerson' };
}

const settingsProblems: readonly SettingsProblem[] = [
  'votesPerPerson',
  'topicsPerPerson',
  'timeboxMinutes',
  'extensionMinutes',
];

function isSettingsProblem(field: unknown): field is SettingsProblem {
  return settingsProblems.some((problem) => problem === field);
}

/** Only what differs, and never a voting rule once those are locked: the server would refuse the whole update. */
export function settingsChange(
  current: LeanCoffeeSettings,
  next: LeanCoffeeSettings,
  votingLocked: boolean,
): Partial<LeanCoffeeSettings> {
  const change: Partial<LeanCoffeeSettings> = {};
  for (const key of Object.keys(next) as Array<keyof LeanCoffeeSettings>) {
    if (votingLocked && (votingRules as readonly string[]).includes(key)) continue;
    if (JSON.stringify(current[key]) !== JSON.stringify(next[key])) Object.assign(change, { [key]: next[key] });
  }
  return change;
}
