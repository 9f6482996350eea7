import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { session } from '../domain/testing/fixtures.ts';
import { minutesLabels } from './labels.ts';
import { leanCoffeeCsv, leanCoffeeMarkdown } from './leanCoffeeMinutes.ts';
import { summarizeLeanCoffee } from './leanCoffeeSummary.ts';

const minute = 60_000;

/** A whole small Lean Coffee, from topics to the closing round. */
function finishedSession() {
  const s = session({ votesPerPerson: 2 });
  for (const id of ['p1', 'p2', 'p3'])
    s.run('system', {
      type: 'participant:presence',
      participantId: id,
      online: true,
    });
  const a = s.addTopic('p2', 'Meeting-free *Fridays*');
  const b = s.addTopic('p3', 'Onboarding buddies');
  const c = s.addTopic('p3', 'Buddy system');
  const d = s.addTopic('p2', 'Coffee machine');
  s.run('p1', { type: 'topics:merge', sourceId: c, targetId: b });
  s.toPhase('vote');
  for (const [voter, topicId] of [
    ['p1', b],
    ['p2', b],
    ['p3', b],
    ['p2', a],
    ['p3', a],
  ] as const) {
    s.run(voter, { type: 'vote:cast', topicId });
  }
  s.toPhase('discuss');
  s.run('p1', { type: 'discussion:start' });
  s.ctx.tick(8 * minute - 1000);
  s.run('system', { type: 'timer:expire' });
  for (const id of ['p1', 'p2', 'p3']) s.run(id, { type: 'thumbs:cast', value: 'up' });
  s.run('p1', { type: 'discussion:extend' });
  s.run('p2', {
    type: 'outcome:add',
    topicId: b,
    kind: 'takeaway',
    text: 'Buddies help in week one',
    ownerId: null,
    ownerName: null,
    due: null,
  });
  s.run('p3', {
    type: 'outcome:add',
    topicId: b,
    kind: 'action',
    text: '=Draft, a buddy checklist',
    ownerId: 'p2',
    ownerName: null,
    due: '2026-12-01',
  });
  s.ctx.tick(2 * minute);
  s.run('p1', { type: 'thumbs:open' });
  s.run('p2', { type: 'thumbs:cast', value: 'down' });
  s.run('p1', { type: 'discussion:close' });
  s.run('p1', { type: 'discussion:start' });
  s.ctx.tick(3 * minute);
  s.run('p1', { type: 'discussion:close' });
  s.run('p1', { type: 'topic:skip', topicId: d });
  s.toPhase('wrapup');
  s.run('p2', { type: 'closing:submit', text: 'Clear next steps' });
  s.run('p3', { type: 'closing:pass' });
  s.run('p2', { type: 'roti:cast', score: 4 });
  s.run('p3', { type: 'roti:cast', score: 5 });
  s.toPhase('ended');
  return s;
}

const formatDate = () => '2023-11-14';

describe('Lean Coffee minutes', () => {
  it.each(['en', 'de'] as const)('match the golden Markdown in %s', (language) => {
    const s = finishedSession();
    const markdown = leanCoffeeMarkdown(summarizeLeanCoffee(s.state, s.ctx.now), {
      labels: minutesLabels[language],
      formatDate,
    });
    const golden = readFileSync(new URL(`./golden/lean-coffee.${language}.md`, import.meta.url), 'utf8');
    expect(markdown).toBe(golden);
  });

  it('CSV quotes separators and defuses spreadsheet formulas', () => {
    const s = finishedSession();
    const csv = leanCoffeeCsv(summarizeLeanCoffee(s.state, s.ctx.now), minutesLabels.en);
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('Type,Topic,Text,Votes,Minutes,Owner,Due');
    expect(lines).toContain(`action,Onboarding buddies,"'=Draft, a buddy checklist",,,Ana,2026-12-01`);
    expect(lines).toContain('topic,Onboarding buddies,,3,10,,');
    expect(csv.startsWith('\uFEFF')).toBe(true);
  });
});
