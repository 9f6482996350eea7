import { describe, expect, it } from 'vitest';
import {
  decisionLogMarkdown,
  loopMeetingMarkdown,
  type MeetingRecord,
  type TeamSpaceState,
} from '@runde/shared/client';
import { catalogTranslator } from './i18n/catalogTranslator.ts';
import { decisionLogFileName, loopMinutesFormat, meetingFileName, meetingsNewestFirst } from './loopMinutes.ts';

const march14 = new Date(2025, 2, 14, 9, 30).getTime();
const march21 = new Date(2025, 2, 21, 9, 30).getTime();

const record = (id: string, startedAt: number): MeetingRecord => ({
  id,
  room: 'governance',
  startedAt,
  endedAt: startedAt + 3_600_000,
  facilitatorId: 'p1',
  scribeId: null,
  attendees: ['p1', 'p2'],
  checklist: [],
  metrics: [],
  projectUpdates: [],
  processed: [
    {
      tensionId: 't1',
      title: 'Who signs?',
      outcome: null,
      gotWhatNeeded: null,
      agreement: null,
      decisionId: 'd1',
      resolved: true,
      readers: null,
    },
  ],
});

const state: TeamSpaceState = {
  id: 'TEAM23',
  kind: 'team-space',
  title: 'Bauamt',
  createdAt: march14,
  roomNames: { operational: null, governance: 'Strukturraum', individual: null, relationship: null },
  checklist: [],
  metrics: [],
  participants: [
    { id: 'p1', name: 'Fee', role: 'facilitator', online: true, joinedAt: march14 },
    { id: 'p2', name: 'Ana', role: 'participant', online: true, joinedAt: march14 },
  ],
  tensions: [],
  actions: [],
  decisionsAdopted: 1,
  decisions: [
    {
      id: 'd1',
      number: 1,
      tensionId: 't1',
      title: 'Who signs?',
      text: 'The team lead signs.',
      adoptedAt: march14,
      meetingId: 'm1',
      present: ['Fee', 'Ana'],
      markedAbsent: [],
    },
  ],
  meetings: [record('m1', march14), record('m2', march21)],
  meeting: null,
  register: { roles: [], rules: [] },
  proposals: [],
  between: [],
  rhythm: { timeZone: 'Europe/Berlin', meetings: [], objectionWindowDays: 7 },
};

describe('team minutes files', () => {
  it('names files by code, local day and room', () => {
    expect(meetingFileName('K7P4XM', { startedAt: march14, room: 'governance' })).toBe(
      'team-K7P4XM-2025-03-14-governance.md',
    );
    expect(decisionLogFileName('K7P4XM', march21)).toBe('team-K7P4XM-decision-log-2025-03-21.md');
  });

  it('lists the latest meeting first', () => {
    expect(meetingsNewestFirst(state).map((m) => m.id)).toEqual(['m2', 'm1']);
    expect(state.meetings.map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('writes the shared exporter’s record in the reader’s language', () => {
    const meeting = state.meetings[0]!;
    const german = loopMeetingMarkdown(state, meeting, loopMinutesFormat(catalogTranslator('de'), 'de'));
    expect(german).toContain('Meeting am 14. März 2025');
    expect(german).toContain('# Bauamt — Strukturraum');
    expect(german).toContain('**Beschluss:** The team lead signs.');
    const log = decisionLogMarkdown(state, loopMinutesFormat(catalogTranslator('en'), 'en'));
    expect(log).toContain('adopted 14 March 2025 · present: Fee, Ana');
  });
});
