import type { SessionState } from '../../leanCoffee/state.ts';
import { session } from '../../leanCoffee/testing/fixtures.ts';
import { hall } from '../../hall/testing/hallFixtures.ts';
import type { HallState } from '../../hall/hallState.ts';

/** A table's Lean Coffee: `p1` the organiser's placeholder seat ("Fee"), phones Ana `p2` and Ben `p3`. */
function table(
  topics: Array<{
    title: string;
    description?: string;
    takeaway?: string;
    action?: { text: string; owner: string | null; ownerName?: string; due?: string };
  }>,
  anonymous = false,
): SessionState {
  const s = session({ anonymousTopics: anonymous });
  const ids = topics.map((t, i) => {
    const [event] = s.run(i % 2 === 0 ? 'p2' : 'p3', {
      type: 'topic:add',
      title: t.title,
      description: t.description ?? '',
    });
    if (event?.type !== 'topic:added') throw new Error('expected topic:added');
    return event.topic.id;
  });
  s.toPhase('vote');
  const [top = '', ...rest] = ids;
  s.run('p2', { type: 'vote:cast', topicId: top });
  s.run('p2', { type: 'vote:cast', topicId: top });
  s.run('p1', { type: 'vote:cast', topicId: top });
  const last = rest.at(-1);
  if (last) s.run('p3', { type: 'vote:cast', topicId: last });
  s.toPhase('discuss');
  const [first] = ids;
  if (first) {
    s.run('p1', { type: 'discussion:start', topicId: first });
    s.run('p1', { type: 'thumbs:open' });
    for (const id of ['p1', 'p2', 'p3']) s.run(id, { type: 'thumbs:cast', value: id === 'p3' ? 'down' : 'up' });
    s.run('p1', { type: 'discussion:extend' });
    const spec = topics[0];
    if (spec?.takeaway) {
      s.run('p2', {
        type: 'outcome:add',
        topicId: first,
        kind: 'takeaway',
        text: spec.takeaway,
        ownerId: null,
        ownerName: null,
        due: null,
      });
    }
    if (spec?.action) {
      s.run('p1', {
        type: 'outcome:add',
        topicId: first,
        kind: 'action',
        text: spec.action.text,
        ownerId: spec.action.owner,
        ownerName: spec.action.ownerName ?? null,
        due: spec.action.due ?? null,
      });
    }
    s.run('p1', { type: 'discussion:close' });
  }
  return s.state;
}

/**
 * A fixed event of three tables with long German text, for the golden files: table 1 has an
 * anonymous topic and a formula-like action, table 2 a takeaway picked for the harvest, table 3
 * was merged into the others before it opened. Dots, announcements and the harvest phase set.
 */
export function richHall(): { hall: HallState; tables: Array<{ number: number; state: SessionState }> } {
  const h = hall({ mode: 'count', tables: 3 }, 3);
  const phones = ['Ana', 'Ben', 'Cem', 'Dora', 'Emil', 'Frieda'].map((name) => h.seat(name));
  h.run('system', { type: 'hall:link-table', table: 1, sessionId: 'TISCH1' });
  h.run('system', { type: 'hall:link-table', table: 2, sessionId: 'TISCH2' });
  h.run(h.organiser, { type: 'hall:phase', to: 'collect', minutes: 10 });
  h.run(h.organiser, {
    type: 'hall:announce',
    text: 'Die Kaffeepause verlängert sich um zehn Minuten; bitte an den Tischen bleiben.',
  });
  h.run(h.organiser, { type: 'hall:close-table', table: 3 });
  h.run('system', {
    type: 'hall:record-pick',
    table: 2,
    outcomeId: 'o1',
    text: 'Kinder- und Jugendhilfe braucht verlässliche, mehrjährige Finanzierung statt jährlicher Projektanträge',
  });
  h.run('system', {
    type: 'hall:record-pick',
    table: 1,
    outcomeId: 'o2',
    text: 'Beteiligung beginnt bei der Tagesordnung',
  });
  h.run(h.organiser, { type: 'hall:phase', to: 'harvest' });
  const [a = '', b = '', c = ''] = phones;
  h.run(a, { type: 'hall:harvest-vote', table: 2 });
  h.run(b, { type: 'hall:harvest-vote', table: 2 });
  h.run(c, { type: 'hall:harvest-vote', table: 1 });
  h.run(c, { type: 'hall:harvest-vote', table: 2 });
  const tables = [
    {
      number: 1,
      state: table(
        [
          {
            title: 'Wie beteiligen wir Jugendliche wirksam an der Jugendhilfeplanung, ohne sie zu überfordern?',
            description: 'Erfahrungen aus drei Landkreisen;\nwas hat funktioniert, was nicht?',
            takeaway: 'Beteiligung beginnt bei der Tagesordnung',
            action: { text: '=HYPERLINK("http://example.invalid";"Klick")', owner: 'p3', due: '2027-03-01' },
          },
          { title: 'Was keiner laut sagt: Überlastung im Allgemeinen Sozialen Dienst' },
        ],
        true,
      ),
    },
    {
      number: 2,
      state: table([
        {
          title: 'Finanzierung: „Projektitis“ oder Regelförderung?',
          takeaway:
            'Kinder- und Jugendhilfe braucht verlässliche, mehrjährige Finanzierung statt jährlicher Projektanträge',
          action: {
            text: 'Positionspapier an den Jugendhilfeausschuss',
            owner: null,
            ownerName: 'Frau Öztürk-Schäfer',
            due: '2027-02-15',
          },
        },
        { title: 'Fachkräftemangel | Ausbildung & Quereinstieg' },
        { title: 'Digitale Akten *endlich* einführen?' },
      ]),
    },
  ];
  return { hall: h.state, tables };
}
