import { describe, expect, it } from 'vitest';
import { session } from '../leanCoffee/testing/fixtures.ts';
import { leanCoffeeMarkdown } from './leanCoffeeMinutes.ts';
import { summarizeLeanCoffee } from './leanCoffeeSummary.ts';
import { plainMinutesLabels } from './testing/plainLabels.ts';

/** Minutes of a discussion with two takeaways, the second marked as the most important when `mark`. */
function minutes(mark: boolean): string {
  const s = session();
  const topicId = s.addTopic('p2', 'Drucker');
  s.toPhase('vote', 'discuss');
  s.run('p1', { type: 'discussion:start' });
  const add = (text: string) => {
    const note = { topicId, kind: 'takeaway', text, ownerId: null, ownerName: null, due: null } as const;
    const [added] = s.run('p2', { type: 'outcome:add', ...note });
    return added?.type === 'outcome:added' ? added.outcome.id : '';
  };
  add('Toner zentral bestellen');
  const second = add('Drucker im Flur behalten');
  if (mark) s.run('p1', { type: 'takeaway:highlight', outcomeId: second });
  return leanCoffeeMarkdown(summarizeLeanCoffee(s.state, s.ctx.now), {
    labels: plainMinutesLabels,
    formatDate: () => '2023-11-14',
  });
}

describe('the minutes of a Lean Coffee', () => {
  it('star the takeaway marked as the most important', () => {
    const lines = minutes(true).split('\n');
    expect(lines).toContain('- Toner zentral bestellen');
    expect(lines).toContain('- ★ Drucker im Flur behalten');
  });

  it('star nothing when no takeaway is marked', () => {
    expect(minutes(false)).not.toContain('★');
  });
});
