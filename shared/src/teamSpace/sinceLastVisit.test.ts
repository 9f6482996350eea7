import { describe, expect, it } from 'vitest';
import { applyLoopAll } from './apply.ts';
import type { AsyncProposal } from './betweenMeetingsTypes.ts';
import { sinceLastVisit } from './sinceLastVisit.ts';
import type { Decision, TeamSpaceState } from './state.ts';
import { teamSpace } from './testing/fixtures.ts';
import { loopViewFor } from './view.ts';

const proposal = (over: Partial<AsyncProposal> & Pick<AsyncProposal, 'id' | 'authorId'>): AsyncProposal => ({
  tensionId: 'tn',
  title: over.id,
  text: 'Vorschlag',
  changes: [],
  publishedAt: 0,
  closesAt: 0,
  status: 'open',
  closedAt: null,
  toMeeting: null,
  asked: ['p1', 'p2', 'p3', 'p4'],
  questions: [],
  reactions: [],
  responses: [],
  objections: [],
  decisionId: null,
  ...over,
});

const decision = (id: string, number: number, adoptedAt: number): Decision => ({
  id,
  number,
  tensionId: 'tn',
  title: id,
  text: '',
  adoptedAt,
  meetingId: null,
  present: [],
});

/**
 * A space where p2 last visited at `visit`: before it, p2 brought "Alt" (asked between meetings),
 * p3 answered it and decision 1 was adopted; after it, more happened. `now` is a minute later.
 */
function spaceAfterAVisit() {
  const space = teamSpace();
  const old = space.addTension('p2', 'Alt', 'operational');
  const before = space.ctx.now;
  space.ctx.tick(60_000);
  const visit = space.ctx.now;
  space.addTension('p3', 'Neu', 'operational');
  space.addTension('p2', 'Meins', 'operational');
  space.addTension('p4', 'Anonym', 'operational', true);
  space.addTension('p3', 'Privat', 'individual');
  const after = space.ctx.now;
  const now = after + 60_000;
  const state: TeamSpaceState = {
    ...applyLoopAll(space.state, [
      { type: 'decision:adopted', decision: decision('d1', 1, before) },
      { type: 'decision:adopted', decision: decision('d2', 2, after) },
      {
        type: 'register:changed',
        decisionId: 'd2',
        decisionNumber: 2,
        at: after,
        changes: [{ op: 'rule:add', ruleId: 'ru1', rule: { title: 'Ausgaben', text: 'Ab 500 € fragen wir.' } }],
      },
    ]),
    proposals: [
      proposal({ id: 'waits-late', authorId: 'p3', closesAt: now + 2000 }),
      proposal({ id: 'waits-soon', authorId: 'p3', closesAt: now + 1000 }),
      proposal({
        id: 'answered',
        authorId: 'p4',
        closesAt: now + 1000,
        responses: [{ by: 'p2', at: after, objectionId: null }],
      }),
      proposal({ id: 'window-passed', authorId: 'p3', closesAt: now }),
      proposal({ id: 'not-asked', authorId: 'p3', closesAt: now + 1000, asked: ['p1', 'p3'] }),
      proposal({
        id: 'mine',
        authorId: 'p2',
        closesAt: now + 1000,
        questions: [
          { id: 'q1', by: 'p3', text: 'Wie?', at: after, answer: null, answeredAt: null },
          { id: 'q2', by: 'p4', text: 'Wer?', at: after, answer: 'Ich.', answeredAt: after },
          { id: 'q3', by: 'p4', text: 'Wann?', at: before, answer: null, answeredAt: null },
        ],
      }),
      proposal({ id: 'closed-since', authorId: 'p3', status: 'adopted', closedAt: after, decisionId: 'd2' }),
      proposal({ id: 'closed-before', authorId: 'p3', status: 'withdrawn', closedAt: before }),
    ],
  };
  // "Alt" is asked between meetings: p3 answered before the visit, p4 after it, p2 added a note of their own.
  state.tensions = state.tensions.map((t) =>
    t.id === old
      ? {
          ...t,
          async: {
            askedAt: before,
            answers: [
              { id: 'a1', by: 'p3', kind: 'information', text: 'Steht im Wiki.', at: before },
              { id: 'a2', by: 'p4', kind: 'help', text: 'Ich helfe.', at: after },
              { id: 'a3', by: 'p2', kind: 'information', text: 'Danke.', at: after },
            ],
          },
        }
      : t,
  );
  return { state, visit, now };
}

describe('sinceLastVisit', () => {
  it('tells a member what changed since their visit, from their own copy', () => {
    const { state, visit, now } = spaceAfterAVisit();
    const digest = sinceLastVisit(loopViewFor(state, { participantId: 'p2' }), 'p2', visit, now);
    expect(digest.firstVisit).toBe(false);
    expect(digest.empty).toBe(false);
    // Newest first; not their own, and not the private tension of the individual room.
    expect(digest.newTensions.map((t) => t.title)).toEqual(['Anonym', 'Neu']);
    expect(digest.newTensions[0]?.authorId).toBeNull();
    expect(digest.answersToMine.map((e) => [e.tension.title, e.answers.map((a) => a.id)])).toEqual([['Alt', ['a2']]]);
    expect(digest.questionsToMine.map((e) => [e.proposal.id, e.questions.map((q) => q.id)])).toEqual([
      ['mine', ['q1']],
    ]);
    expect(digest.proposalsAwaitingMe.map((p) => [p.id, p.closesAt - now])).toEqual([
      ['waits-soon', 1000],
      ['waits-late', 2000],
    ]);
    expect(digest.proposalsClosed.map((p) => p.id)).toEqual(['closed-since']);
    expect(digest.decisionsAdopted.map((d) => d.number)).toEqual([2]);
    expect(digest.registerChanges.map((c) => [c.label, c.op, c.decisionNumber])).toEqual([['Ausgaben', 'rule:add', 2]]);
  });

  it('counts an anonymous tension as its holder’s own in the holder’s copy, and hides private ones from non-readers', () => {
    const { state, visit, now } = spaceAfterAVisit();
    const forP4 = sinceLastVisit(loopViewFor(state, { participantId: 'p4' }), 'p4', visit, now);
    expect(forP4.newTensions.map((t) => t.title)).toEqual(['Meins', 'Neu']);
    const forP1 = sinceLastVisit(loopViewFor(state, { participantId: 'p1' }), 'p1', visit, now);
    expect(forP1.newTensions.map((t) => t.title)).toEqual(['Anonym', 'Meins', 'Neu']);
    expect(forP1.newTensions.some((t) => t.title === '')).toBe(false);
  });

  it('on a first visit names only what waits for the member', () => {
    const { state, now } = spaceAfterAVisit();
    const digest = sinceLastVisit(loopViewFor(state, { participantId: 'p2' }), 'p2', null, now);
    expect(digest).toMatchObject({
      firstVisit: true,
      newTensions: [],
      answersToMine: [],
      proposalsClosed: [],
      decisionsAdopted: [],
      registerChanges: [],
      empty: false,
    });
    expect(digest.proposalsAwaitingMe.map((p) => p.id)).toEqual(['waits-soon', 'waits-late']);
  });

  it('is empty when nothing happened since, and a window that passed no longer waits', () => {
    const space = teamSpace();
    const now = space.ctx.now;
    expect(sinceLastVisit(space.state, 'p2', now, now).empty).toBe(true);
    expect(sinceLastVisit(space.state, 'p2', null, now)).toMatchObject({ firstVisit: true, empty: true });
    const { state, visit } = spaceAfterAVisit();
    const late = sinceLastVisit(state, 'p2', visit, Number.MAX_SAFE_INTEGER);
    expect(late.proposalsAwaitingMe).toEqual([]);
  });
});
