import type { TeamSpaceState } from '@runde/shared/client';
import { describe, expect, it } from 'vitest';
import { spaceSettingsChanged, spaceSettingsForm, spaceSettingsUpdate } from './spaceSettings.ts';

const state = {
  title: 'Bauamt Team',
  roomNames: { operational: 'operativ', governance: null, individual: null, relationship: 'zwischenmenschlich' },
  checklist: ['Post gesichtet'],
  metrics: ['Offene Anträge'],
} as unknown as TeamSpaceState;

describe('spaceSettingsForm', () => {
  it('shows default room names as empty fields', () => {
    expect(spaceSettingsForm(state)).toEqual({
      title: 'Bauamt Team',
      roomNames: { operational: 'operativ', governance: '', individual: '', relationship: 'zwischenmenschlich' },
      checklist: ['Post gesichtet'],
      metrics: ['Offene Anträge'],
    });
  });

  it('starts empty before the space has loaded', () => {
    expect(spaceSettingsForm(null).checklist).toEqual([]);
  });
});

describe('spaceSettingsUpdate', () => {
  it('trims, sends blank room names as null and drops blank items', () => {
    const form = spaceSettingsForm(state);
    form.title = '  Bauamt  ';
    form.roomNames.operational = '  ';
    form.roomNames.governance = ' strukturell ';
    form.checklist = [' Post gesichtet ', '', 'Urlaub eingetragen'];
    form.metrics = ['   '];
    expect(spaceSettingsUpdate(form)).toEqual({
      title: 'Bauamt',
      roomNames: { operational: null, governance: 'strukturell', individual: null, relationship: 'zwischenmenschlich' },
      checklist: ['Post gesichtet', 'Urlaub eingetragen'],
      metrics: [],
    });
  });
});

describe('spaceSettingsChanged', () => {
  it('ignores whitespace and blank items', () => {
    const form = spaceSettingsForm(state);
    form.checklist = ['Post gesichtet ', ''];
    expect(spaceSettingsChanged(form, state)).toBe(false);
    form.metrics = [];
    expect(spaceSettingsChanged(form, state)).toBe(true);
  });
});
