import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leanCoffeeCsv, leanCoffeeMarkdown, summarizeLeanCoffee } from '@runde/shared/client';
import { session } from '../../../shared/src/leanCoffee/testing/fixtures.ts';
import { readSpreadsheetCsv } from '../../../shared/src/export/testing/readSpreadsheetCsv.ts';
import { catalogTranslator } from './i18n/catalogTranslator.ts';
import type { Language } from './i18n/languages.ts';
import { leanCoffeeExportLabels } from './leanCoffeeExportLabels.ts';

/** The labels the app builds from its catalog, in `language`. */
const minutesLabels = (language: Language) => leanCoffeeExportLabels(catalogTranslator(language), language);

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
      labels: minutesLabels(language),
      formatDate,
    });
    const golden = readFileSync(
      new URL(`../../../shared/src/export/golden/lean-coffee.${language}.md`, import.meta.url),
      'utf8',
    );
    expect(markdown).toBe(golden);
  });

  it('CSV quotes separators and defuses spreadsheet formulas', () => {
    const s = finishedSession();
    const csv = leanCoffeeCsv(summarizeLeanCoffee(s.state, s.ctx.now), minutesLabels('en'));
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('Type,Topic,Status,Text,Votes,Minutes,Person,Due');
    expect(lines).toContain(`action,Onboarding buddies,discussed,"'=Draft, a buddy checklist",,,Ana,2026-12-01`);
    expect(lines).toContain('topic,Onboarding buddies,discussed,,3,10,,');
    expect(csv.startsWith('\uFEFF')).toBe(true);
  });

  // German Excel splits on `;` and English Excel on `,`: read each file back as that program would.
  it.each([
    {
      language: 'de' as const,
      separator: ';' as const,
      header: ['Art', 'Thema', 'Status', 'Text', 'Punkte', 'Minuten', 'Person', 'Fällig'],
      rows: [
        ['Thema', 'Onboarding buddies', 'besprochen', '', '3', '10', '', ''],
        ['Aufgabe', 'Onboarding buddies', 'besprochen', "'=Draft, a buddy checklist", '', '', 'Ana', '2026-12-01'],
        ['Thema', 'Coffee machine', 'nicht besprochen', '', '0', '0', '', ''],
        ['Abschlussrunde', '', '', 'Clear next steps', '', '', 'Ana', ''],
        ['Abschlussrunde', '', '', 'gepasst', '', '', 'Ben', ''],
        ['ROTI', '', '', 'Durchschnitt 4,5 von 5 (2 Stimmen) · 1: 0 · 2: 0 · 3: 0 · 4: 1 · 5: 1', '', '', '', ''],
      ],
    },
    {
      language: 'en' as const,
      separator: ',' as const,
      header: ['Type', 'Topic', 'Status', 'Text', 'Votes', 'Minutes', 'Person', 'Due'],
      rows: [
        ['topic', 'Meeting-free *Fridays*', 'discussed', '', '2', '3', '', ''],
        ['takeaway', 'Onboarding buddies', 'discussed', 'Buddies help in week one', '', '', '', ''],
        ['topic', 'Coffee machine', 'not discussed', '', '0', '0', '', ''],
        ['closing round', '', '', 'passed', '', '', 'Ben', ''],
        ['ROTI', '', '', 'Average 4.5 of 5 (2 votes) · 1: 0 · 2: 0 · 3: 0 · 4: 1 · 5: 1', '', '', '', ''],
      ],
    },
  ])('the $language CSV opens in columns in a $language spreadsheet', ({ language, separator, header, rows }) => {
    const s = finishedSession();
    const csv = leanCoffeeCsv(summarizeLeanCoffee(s.state, s.ctx.now), minutesLabels(language));
    const table = readSpreadsheetCsv(csv, separator);
    expect(table[0]).toEqual(header);
    expect(table.every((row) => row.length === header.length)).toBe(true);
    for (const row of rows) expect(table).toContainEqual(row);
  });

  it('keeps umlauts, line breaks and both separators inside one cell', () => {
    const s = session();
    s.addTopic('p2', 'Jugendhilfeplanung; Übergänge, „Schnittstellen“');
    const csv = leanCoffeeCsv(summarizeLeanCoffee(s.state, s.ctx.now), minutesLabels('de'));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const table = readSpreadsheetCsv(csv, ';');
    expect(table[1]?.[1]).toBe('Jugendhilfeplanung; Übergänge, „Schnittstellen“');
  });
});
