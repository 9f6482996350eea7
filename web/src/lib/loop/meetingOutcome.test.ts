import { describe, expect, it } from 'vitest';
import { draftComplete, emptyDraft, otherOwner, outcomeInput, type OutcomeDraft } from './meetingOutcome.ts';

const draft = (fields: Partial<OutcomeDraft>): OutcomeDraft => ({ ...emptyDraft(), ...fields });

describe('outcomeInput', () => {
  it.each([
    {
      fields: { type: 'information', note: '  Bis Freitag  ', text: 'x' },
      expected: { type: 'information', note: 'Bis Freitag' },
    },
    { fields: { type: 'help', note: '' }, expected: { type: 'help', note: '' } },
    { fields: { type: 'sharing', note: 'FYI' }, expected: { type: 'sharing', note: 'FYI' } },
    { fields: { type: 'to-governance', note: 'ignored' }, expected: { type: 'to-governance' } },
    {
      fields: { type: 'next-action', text: ' Raum buchen ', owner: 'p2', due: '2026-05-01' },
      expected: { type: 'next-action', text: 'Raum buchen', ownerId: 'p2', ownerName: null, due: '2026-05-01' },
    },
    {
      fields: { type: 'next-action', text: 'Anrufen', owner: otherOwner, ownerName: ' Frau Kern ' },
      expected: { type: 'next-action', text: 'Anrufen', ownerId: null, ownerName: 'Frau Kern', due: null },
    },
    {
      fields: { type: 'project', text: 'Neue Website', owner: '', due: '2026-05-01' },
      expected: { type: 'project', text: 'Neue Website', ownerId: null, ownerName: null, due: '2026-05-01' },
    },
  ] as const)('$fields.type → $expected', ({ fields, expected }) => {
    expect(outcomeInput(draft(fields))).toEqual(expected);
  });
});

describe('draftComplete', () => {
  it.each([
    { fields: { type: 'information' }, complete: true },
    { fields: { type: 'next-action', text: ' ' }, complete: false },
    { fields: { type: 'next-action', text: 'A' }, complete: true },
    { fields: { type: 'project', text: 'A', owner: otherOwner, ownerName: '' }, complete: false },
    { fields: { type: 'project', text: 'A', owner: otherOwner, ownerName: 'Kim' }, complete: true },
  ] as const)('$fields → $complete', ({ fields, complete }) => {
    expect(draftComplete(draft(fields))).toBe(complete);
  });
});
