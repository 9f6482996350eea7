import { defaultLeanCoffeeSettings, limits, votingRules, type LeanCoffeeSettings } from '@runde/shared/client';

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

function wholeNumberIn(value: number | null, min: number, max: number): value is number {
  return value !== null && Number.isInteger(value) && value >= min && value <= max;
}

/** "4, 2", "4 2" and "4;2" all read as [4, 2]; anything else that is not whole minutes is refused. */
export function parseExtensionMinutes(text: string): number[] | undefined {
  const parts = text.split(/[\s,;]+/).filter((part) => part !== '');
  if (parts.length === 0 || parts.length > limits.extensionStepsMax) return undefined;
  const minutes = parts.map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
  return minutes.every((m) => wholeNumberIn(m, 1, limits.timerMinutesMax)) ? minutes : undefined;
}

/** Checks the form the way the server's schema will, so problems show next to the field. */
export function formToSettings(form: SettingsForm): SettingsParse {
  if (!wholeNumberIn(form.votesPerPerson, 1, limits.votesPerPersonMax)) return { ok: false, problem: 'votesPerPerson' };
  if (form.topicsPerPerson !== null && !wholeNumberIn(form.topicsPerPerson, 1, limits.topicsPerPersonMax)) {
    return { ok: false, problem: 'topicsPerPerson' };
  }
  if (!wholeNumberIn(form.timeboxMinutes, 1, limits.timerMinutesMax)) return { ok: false, problem: 'timeboxMinutes' };
  const extensionMinutes = parseExtensionMinutes(form.extensionMinutes);
  if (!extensionMinutes) return { ok: false, problem: 'extensionMinutes' };
  return {
    ok: true,
    settings: {
      votesPerPerson: form.votesPerPerson,
      allowStacking: form.allowStacking,
      anonymousTopics: form.anonymousTopics,
      hiddenVoting: form.hiddenVoting,
      topicsPerPerson: form.topicsPerPerson,
      timeboxMinutes: form.timeboxMinutes,
      extensionMinutes,
    },
  };
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
