import type { SessionState } from '../../leanCoffee/state.ts';
import { session } from '../../leanCoffee/testing/fixtures.ts';

/**
 * A Lean Coffee that went the whole way, every step a command through `decide` (the `session()`
 * fixture: facilitator `p1`, Ana `p2`, Ben `p3`): topics (one anonymous), stacked dots, a thumbs
 * vote that extended a topic, takeaways and actions with owners, a skipped topic, the closing
 * round with a pass, ROTI scores, ended.
 */
export function richLeanCoffee(): SessionState {
  const s = session({ anonymousTopics: false });
  for (const id of ['p1', 'p2', 'p3'])
    s.run('system', { type: 'participant:presence', participantId: id, online: true });
  const budget = s.addTopic('p2', 'Haushalt 2027');
  const onboarding = s.addTopic('p3', 'Einarbeitung neuer Kolleg:innen');
  const skipped = s.addTopic('p1', 'Kaffeemaschine');
  s.run('p1', { type: 'settings:update', settings: { anonymousTopics: true } });
  const quiet = s.addTopic('p2', 'Was keiner laut sagt');
  s.toPhase('vote');
  s.run('p2', { type: 'vote:cast', topicId: budget });
  s.run('p2', { type: 'vote:cast', topicId: budget });
  s.run('p3', { type: 'vote:cast', topicId: onboarding });
  s.run('p1', { type: 'vote:cast', topicId: quiet });
  s.toPhase('discuss');
  s.run('p1', { type: 'discussion:start', topicId: budget });
  s.run('p1', { type: 'thumbs:open' });
  for (const id of ['p1', 'p2', 'p3']) s.run(id, { type: 'thumbs:cast', value: 'up' });
  s.run('p1', { type: 'discussion:extend' });
  s.run('p2', {
    type: 'outcome:add',
    topicId: budget,
    kind: 'takeaway',
    text: 'Mehr Mittel für Prävention',
    ownerId: null,
    ownerName: null,
    due: null,
  });
  s.run('p1', {
    type: 'outcome:add',
    topicId: budget,
    kind: 'action',
    text: 'Antrag schreiben',
    ownerId: 'p3',
    ownerName: null,
    due: '2027-01-15',
  });
  s.run('p1', { type: 'discussion:close' });
  s.run('p1', { type: 'topic:skip', topicId: skipped });
  s.run('p1', { type: 'discussion:start', topicId: onboarding });
  s.run('p3', {
    type: 'outcome:add',
    topicId: onboarding,
    kind: 'action',
    text: 'Patenschaften einführen',
    ownerId: null,
    ownerName: 'Frau Gül',
    due: null,
  });
  s.run('p1', { type: 'discussion:close' });
  s.toPhase('wrapup');
  s.run('p1', { type: 'closing:submit', text: 'Gute Runde.' });
  s.run('p2', { type: 'closing:pass' });
  for (const [id, score] of [
    ['p1', 4],
    ['p2', 5],
    ['p3', 3],
  ] as const) {
    s.run(id, { type: 'roti:cast', score });
  }
  s.toPhase('ended');
  return s.state;
}
