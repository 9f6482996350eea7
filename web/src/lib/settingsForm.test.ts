import { defaultLeanCoffeeSettings } from '@runde/shared/client';
import { describe, expect, it } from 'vitest';
import { formToSettings, parseExtensionMinutes, settingsChange, settingsToForm } from './settingsForm.ts';

describe('parseExtensionMinutes', () => {
  it.each([
    ['4, 2', [4, 2]],
    ['4 2', [4, 2]],
    [' 5;3 ; 1 ', [5, 3, 1]],
    ['4,,2', [4, 2]],
    ['8', [8]],
    ['', undefined],
    ['4, two', undefined],
    ['4, 0', undefined],
    ['2.5', undefined],
    ['-1', undefined],
    ['121', undefined],
    ['1 1 1 1 1 1 1 1 1 1 1', undefined],
  ])('%j → %j', (text, expected) => {
    expect(parseExtensionMinutes(text)).toEqual(expected);
  });
});

describe('formToSettings', () => {
  const form = settingsToForm();

  it('round-trips the defaults', () => {
    expect(formToSettings(form)).toEqual({ ok: true, settings: defaultLeanCoffeeSettings });
  });

  it.each([
    [{ votesPerPerson: null }, 'votesPerPerson'],
    [{ votesPerPerson: 0 }, 'votesPerPerson'],
    [{ votesPerPerson: 21 }, 'votesPerPerson'],
    [{ topicsPerPerson: 0 }, 'topicsPerPerson'],
    [{ timeboxMinutes: null }, 'timeboxMinutes'],
    [{ extensionMinutes: 'soon' }, 'extensionMinutes'],
  ] as const)('%j is refused as %s', (change, problem) => {
    expect(formToSettings({ ...form, ...change })).toEqual({ ok: false, problem });
  });

  it('reads an empty topic limit as no limit', () => {
    const result = formToSettings({ ...form, topicsPerPerson: null });
    expect(result.ok && result.settings.topicsPerPerson).toBeNull();
  });
});

describe('settingsChange', () => {
  const current = defaultLeanCoffeeSettings;

  it('sends only what changed', () => {
    const next = { ...current, timeboxMinutes: 5, extensionMinutes: [3, 1] };
    expect(settingsChange(current, next, false)).toEqual({ timeboxMinutes: 5, extensionMinutes: [3, 1] });
  });

  it('leaves out voting rules once voting has started', () => {
    const next = { ...current, votesPerPerson: 2, hiddenVoting: true, anonymousTopics: true };
    expect(settingsChange(current, next, true)).toEqual({ anonymousTopics: true });
    expect(settingsChange(current, next, false)).toEqual({
      votesPerPerson: 2,
      hiddenVoting: true,
      anonymousTopics: true,
    });
  });
});
