import { describe, expect, it } from 'vitest';
import type { Meeting, ProcessedTension, Tension } from '@runde/shared/client';
import { agendaOffer, agendaRows } from './meetingAgenda.ts';

function tension(id: string, createdAt = 0): Tension {
  return {
    id,
    title: `T ${id}`,
    description: '',
    authorId: 'p1',
    anonymous: false,
    createdAt,
    proposedRoom: 'operational',
    room: 'operational',
    roomConfirmed: false,
    status: 'open',
    outcome: null,
    gotWhatNeeded: null,
    agreement: null,
    shareable: false,
    readers: [],
    resolvedAt: null,
    meetingId: null,
    async: null,
  };
}

function processed(id: string): ProcessedTension {
  return {
    tensionId: id,
    title: `T ${id}`,
    outcome: null,
    gotWhatNeeded: null,
    agreement: null,
    decisionId: null,
    resolved: true,
    readers: null,
  };
}

function meeting(fields: Partial<Meeting>): Meeting {
  return {
    id: 'm',
    room: 'operational',
    startedAt: 0,
    facilitatorId: 'p1',
    scribeId: null,
    attendees: ['p1'],
    stage: 'tensions',
    checklist: [],
    metrics: [],
    projectUpdates: [],
    agenda: [],
    currentTensionId: null,
    processed: [],
    round: null,
    process: null,
    timer: { status: 'idle' },
    ...fields,
  };
}

const tensions = ['a', 'b', 'c', 'd'].map((id) => tension(id));

describe('agendaRows', () => {
  it.each([
    {
      name: 'only the agenda',
      fields: { agenda: ['b', 'a'] },
      expected: ['upcoming b', 'upcoming a'],
    },
    {
      name: 'processed first, then the one on the table, then the rest',
      fields: { agenda: ['b', 'c'], currentTensionId: 'c', processed: [processed('a')] },
      expected: ['processed a', 'current c', 'upcoming b'],
    },
    {
      name: 'an open tension back on the agenda shows in both places',
      fields: { agenda: ['a'], processed: [processed('a')] },
      expected: ['processed a', 'upcoming a'],
    },
    {
      name: 'a tension processed again is on the table, not also done',
      fields: { agenda: ['a'], currentTensionId: 'a', processed: [processed('a')] },
      expected: ['current a'],
    },
    {
      name: 'unknown ids are skipped',
      fields: { agenda: ['x', 'd'] },
      expected: ['upcoming d'],
    },
  ])('$name', ({ fields, expected }) => {
    expect(agendaRows(meeting(fields), tensions).map((r) => `${r.state} ${r.id}`)).toEqual(expected);
  });
});

describe('agendaOffer', () => {
  it('offers the backlog without what is on the agenda or on the table', () => {
    const offer = agendaOffer(tensions, meeting({ agenda: ['a'], currentTensionId: 'b' }));
    expect(offer.map((t) => t.id)).toEqual(['c', 'd']);
  });
});
