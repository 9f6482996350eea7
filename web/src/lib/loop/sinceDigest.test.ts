import type { AsyncProposal, TeamSpaceState, Tension } from '@runde/shared/client';
import { describe, expect, it } from 'vitest';
import { teamSpace } from '../../../../shared/src/teamSpace/testing/fixtures.ts';
import { digestIsEmpty, sinceDigest } from './sinceDigest.ts';

/** A real space (members p1–p4) with tensions added through `decide`; between-meetings parts set by hand. */
function space() {
  const s = teamSpace();
  const anaTension = s.addTension('p2', 'Anfragen bleiben liegen', 'operational');
  const myTension = s.addTension('p3', 'Wer macht die Kasse?', 'operational');
  return { state: s.state, anaTension, myTension };
}

const proposal = (overrides: Partial<AsyncProposal>): AsyncProposal => ({
  id: 'prop1',
  tensionId: 't-x',
  authorId: 'p2',
  title: 'Kassenrolle',
  text: 'Eine Rolle für die Kasse.',
  changes: [],
  publishedAt: 100,
  closesAt: 10_000,
  status: 'open',
  closedAt: null,
  toMeeting: null,
  asked: ['p1', 'p2', 'p3', 'p4'],
  questions: [],
  reactions: [],
  responses: [],
  objections: [],
  decisionId: null,
  ...overrides,
});

function withAnswers(state: TeamSpaceState, tensionId: string, answers: { by: string; at: number }[]): TeamSpaceState {
  return {
    ...state,
    tensions: state.tensions.map((t): Tension =>
      t.id === tensionId
        ? {
            ...t,
            async: {
              askedAt: 0,
              answers: answers.map((a, i) => ({ id: `a${i}`, kind: 'information', text: 'So.', ...a })),
            },
          }
        : t,
    ),
  };
}

describe('sinceDigest (since your last visit)', () => {
  it('lists tensions others brought since then, never my own, and nothing older', () => {
    const { state, anaTension } = space();
    const createdAt = state.tensions[0]?.createdAt ?? 0;
    const digest = sinceDigest(state, 'p3', createdAt - 1, createdAt + 1);
    expect(digest.newTensions.map((t) => t.id)).toEqual([anaTension]);
    expect(sinceDigest(state, 'p3', Number.MAX_SAFE_INTEGER, 0).newTensions).toEqual([]);
  });

  it('counts new answers to my tensions asked between meetings, not my own notes', () => {
    const { state, myTension } = space();
    const answered = withAnswers(state, myTension, [
      { by: 'p2', at: 50 },
      { by: 'p4', at: 150 },
      { by: 'p3', at: 160 },
    ]);
    const digest = sinceDigest(answered, 'p3', 100, 200);
    expect(digest.answered.map((a) => [a.tension.id, a.count])).toEqual([[myTension, 1]]);
    expect(sinceDigest(answered, 'p2', 100, 200).answered).toEqual([]);
  });

  it('lists open proposals waiting for my response, soonest end first, until I answer or the window closes', () => {
    const { state } = space();
    const late = proposal({ id: 'late', closesAt: 9000 });
    const soon = proposal({ id: 'soon', closesAt: 5000 });
    const answered = proposal({ id: 'done', responses: [{ by: 'p3', at: 120, objectionId: null }] });
    const withProposals = { ...state, proposals: [late, soon, answered] };
    expect(sinceDigest(withProposals, 'p3', 100, 200).waiting.map((p) => p.id)).toEqual(['soon', 'late']);
    // The proposer is not asked to respond to their own proposal here.
    expect(sinceDigest(withProposals, 'p2', 100, 200).waiting).toEqual([]);
    // Past its end the window waits for nobody, even before the server closed it.
    expect(sinceDigest(withProposals, 'p3', 100, 6000).waiting.map((p) => p.id)).toEqual(['late']);
  });

  it('lists proposals closed and decisions adopted since then; an old visit sees them, a new one does not', () => {
    const { state } = space();
    const closed = proposal({ status: 'adopted', closedAt: 500, decisionId: 'd1' });
    const decision = {
      id: 'd1',
      number: 1,
      tensionId: 't-x',
      title: 'Kassenrolle',
      text: '',
      adoptedAt: 500,
      meetingId: null,
      present: [],
    };
    const later = { ...state, tensions: [], proposals: [closed], decisions: [decision] };
    const digest = sinceDigest(later, 'p3', 100, 600);
    expect(digest.closed.map((p) => p.id)).toEqual(['prop1']);
    expect(digest.decisions.map((d) => d.number)).toEqual([1]);
    expect(digestIsEmpty(sinceDigest(later, 'p3', 500, 600))).toBe(true);
  });

  it('counts register changes by their history entries', () => {
    const { state } = space();
    const register = {
      roles: [
        {
          id: 'r1',
          name: 'Kasse',
          purpose: '',
          accountabilities: [],
          fillers: [],
          status: 'active' as const,
          history: [
            { decisionId: 'd1', decisionNumber: 1, at: 50, op: 'role:add' as const, before: null },
            { decisionId: 'd2', decisionNumber: 2, at: 150, op: 'role:assign' as const, before: null },
          ],
        },
      ],
      rules: [],
    };
    expect(sinceDigest({ ...state, register }, 'p3', 100, 200).registerChanges).toBe(1);
  });
});
