import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { session } from '../leanCoffee/testing/fixtures.ts';
import { teamSpace } from '../teamSpace/testing/fixtures.ts';
import { currentSpeaker } from '../teamSpace/selectors.ts';
import { leanCoffeeMarkdown } from './leanCoffeeMinutes.ts';
import { summarizeLeanCoffee } from './leanCoffeeSummary.ts';
import { decisionLogMarkdown, loopMeetingMarkdown } from './loopMinutes.ts';
import { escapeMarkdown, escapeMarkdownLines } from './markdown.ts';
import type { TeamSpaceState } from '../teamSpace/state.ts';
import { betweenMeetingsSpace } from './testing/betweenMeetingsSpace.ts';
import { plainLoopMinutesLabels, plainMinutesLabels } from './testing/plainLabels.ts';

const formatDate = () => '2023-11-14';

/**
 * What each line of Markdown is to a CommonMark reader (lines end at CR, LF and CRLF). Plain
 * text lines (paragraphs and their continuations) are left out: they never change the structure.
 */
function blockKind(line: string): string | null {
  if (/^[ \t]*$/.test(line)) return 'blank';
  if (/^ {4,}|^\t/.test(line)) return 'indented';
  const rest = line.replace(/^ {1,3}/, '');
  if (/^#{1,6}(?:[ \t]|$)/.test(rest)) return `h${/^#+/.exec(rest)![0].length}`;
  if (/^(?:[-*_][ \t]*){3,}$/.test(rest)) return 'rule';
  if (/^=+[ \t]*$/.test(rest)) return 'setext';
  if (/^[-+*](?:[ \t]|$)/.test(rest)) return 'bullet';
  if (/^\d{1,9}[.)](?:[ \t]|$)/.test(rest)) return 'ordered';
  if (/^>/.test(rest)) return 'quote';
  if (/^(?:```|~~~)/.test(rest)) return 'fence';
  if (/^</.test(rest)) return 'html';
  if (/^\|/.test(rest)) return 'table';
  if (/^\[[^\]]*\]:/.test(rest)) return 'reference';
  return null;
}

/** The document's block structure: the kind of every line that opens or separates blocks, in order. */
function skeleton(markdown: string): string[] {
  return markdown.split(/\r\n|\r|\n/).flatMap((line) => {
    const kind = blockKind(line);
    return kind ? [kind] : [];
  });
}

/** Pieces that would open blocks, break lines or format, mixed with anything at all. */
const fragment = fc.oneof(
  fc.constantFrom(
    '\r',
    '\n',
    '\r\n',
    '\n\n',
    '\u2028',
    '\u2029',
    '\u0085',
    '\v',
    '\f',
    '# ',
    '###### ',
    '- ',
    '+ ',
    '* ',
    '1. ',
    '12) ',
    '> ',
    '```',
    '~~~',
    '    ',
    '\t',
    '---',
    '===',
    '***',
    '| a |',
    '<div>',
    '<!--',
    '[x]: /u',
    '_',
    '\\',
    '  ',
    '#',
  ),
  fc.string({ maxLength: 4 }),
);
/** Some user text: never blank (blank fields are left out of the minutes by design, not by accident). */
const userText = fc
  .tuple(fc.array(fragment, { maxLength: 6 }), fc.array(fragment, { maxLength: 6 }))
  .map(([before, after]) => `${before.join('')}x${after.join('')}`);

/** A finished Lean Coffee with `text(i)` in every field the minutes show. */
function leanCoffeeMinutes(text: (i: number) => string): string {
  const s = session();
  s.run('p1', { type: 'settings:update', title: text(0) });
  s.run('p2', { type: 'participant:rename', name: `${text(1)} 2` });
  s.run('p3', { type: 'participant:rename', name: `${text(2)} 3` });
  s.run('p2', { type: 'topic:add', title: text(3), description: text(4) });
  s.run('p3', { type: 'topic:add', title: text(5), description: '' });
  s.run('p3', { type: 'topic:add', title: text(6), description: text(7) });
  const [first, second] = s.state.topics;
  s.run('p1', { type: 'topics:merge', sourceId: second!.id, targetId: first!.id });
  s.toPhase('vote', 'discuss');
  s.run('p1', { type: 'discussion:start', topicId: first!.id });
  const outcome = { topicId: first!.id, ownerId: null, due: '2026-12-01' } as const;
  s.run('p2', { type: 'outcome:add', ...outcome, kind: 'takeaway', text: text(8), ownerName: null });
  s.run('p2', { type: 'outcome:add', ...outcome, kind: 'action', text: text(9), ownerName: text(10) });
  s.run('p1', { type: 'discussion:close' });
  s.toPhase('wrapup');
  s.run('p2', { type: 'closing:submit', text: text(11) });
  return leanCoffeeMarkdown(summarizeLeanCoffee(s.state, s.ctx.now), { labels: plainMinutesLabels, formatDate });
}

/** Two team meetings (sync, governance) and the decision log, with `text(i)` in every field they show. */
function teamMinutes(text: (i: number) => string): string {
  const s = teamSpace();
  s.run('p1', {
    type: 'space:update',
    title: text(0),
    roomNames: { operational: text(1), governance: text(2) },
    checklist: [text(3)],
    metrics: [text(4)],
  });
  s.run('p2', { type: 'participant:rename', name: `${text(5)} 2` });
  const sync = s.addTension('p2', text(6), 'operational');
  const info = s.addTension('p3', text(7), 'operational');
  const rule = s.addTension('p3', text(8), 'governance');
  s.meetingAtTensions('operational');
  s.run('p1', { type: 'meeting:set-metric', index: 0, value: text(9) });
  s.run('p1', { type: 'tension:start', tensionId: sync });
  s.run('p1', {
    type: 'tension:outcome',
    outcome: { type: 'project', text: text(10), ownerId: null, ownerName: text(11), due: null },
  });
  s.run('p1', { type: 'tension:close', gotWhatNeeded: true });
  s.run('p1', { type: 'tension:start', tensionId: info });
  s.run('p1', { type: 'tension:outcome', outcome: { type: 'information', note: text(12) } });
  s.run('p1', { type: 'tension:close', gotWhatNeeded: false });
  s.run('p1', { type: 'meeting:end' });

  s.run('p1', { type: 'meeting:start', room: 'operational' });
  while (s.state.meeting?.stage !== 'projects') s.run('p1', { type: 'meeting:advance' });
  s.run('p1', { type: 'meeting:update-project', actionId: s.state.actions[0]!.id, note: text(13) });
  s.run('p1', { type: 'meeting:end' });

  s.meetingAtTensions('governance');
  s.run('p1', { type: 'tension:start', tensionId: rule });
  s.run('p3', { type: 'proposal:set', proposal: text(14) });
  for (let i = 0; i < 4; i += 1) s.run('p1', { type: 'process:advance' });
  while (s.state.meeting.round!.index < s.state.meeting.round!.order.length) {
    s.run(currentSpeaker(s.state.meeting.round)!, { type: 'objection:none' });
  }
  s.run('p1', { type: 'process:advance' });
  s.run('p1', { type: 'tension:close', gotWhatNeeded: null });
  s.run('p1', { type: 'meeting:end' });

  const s2 = teamSpace();
  const personal = s2.addTension('p2', text(15), 'relationship');
  s2.meetingAtTensions('relationship');
  s2.run('p1', { type: 'tension:start', tensionId: personal });
  s2.run('p1', { type: 'tension:agreement', agreement: text(16) });
  s2.run('p1', { type: 'tension:set-shareable', tensionId: personal, shareable: true });
  s2.run('p1', { type: 'tension:close', gotWhatNeeded: null });
  s2.run('p1', { type: 'meeting:end' });

  const format = { labels: plainLoopMinutesLabels, formatDate };
  return [
    ...s.state.meetings.map((record) => loopMeetingMarkdown(s.state, record, format)),
    decisionLogMarkdown(s.state, format),
    loopMeetingMarkdown(s2.state, s2.state.meetings[0]!, format),
  ].join('\n---\n\n');
}

/** Every text of the between-meetings fixture a member typed (register, answers, proposals, objections). */
const betweenTexts = [
  'Kasse',
  'Das Geld des Teams ist im Blick.',
  'Das Geld des Teams ist im Blick und belegt.',
  'Belege sammeln',
  'Monatlich den Kassenstand berichten',
  'Wo ist der Schlüssel zum Archiv?',
  'Beim Hausmeister.',
  'Ich hole ihn morgen.',
  'Schlüssel beim Hausmeister holen',
  'Urlaubsregel',
  'Urlaub steht zwei Wochen vorher im Kalender.',
  'Bei Krankheit geht das nicht.',
  'Urlaub eintragen',
  'Urlaub steht zwei Wochen vorher im Kalender; bei Krankheit sofort.',
  'Zweck der Kasse schärfen',
  'Die Kasse berichtet monatlich.',
  'Niemand kümmert sich um die Kasse',
  'Wir schaffen die Rolle Kasse.',
];

/** The between-meetings minutes and decision log, with `text(i)` (made distinct) in place of each typed text. */
function betweenMinutes(text: (i: number) => string): string {
  let json = JSON.stringify(betweenMeetingsSpace());
  betweenTexts.forEach((typed, i) => {
    json = json.replaceAll(JSON.stringify(typed), () => JSON.stringify(`${text(i)} ${i}`));
  });
  const state = JSON.parse(json) as TeamSpaceState;
  const format = { labels: plainLoopMinutesLabels, formatDate };
  return [
    ...state.meetings.map((record) => loopMeetingMarkdown(state, record, format)),
    decisionLogMarkdown(state, format),
  ].join('\n---\n\n');
}

const exporters = [
  { name: 'Lean Coffee minutes', fields: 12, render: leanCoffeeMinutes },
  { name: 'team minutes and decision log', fields: 17, render: teamMinutes },
  { name: 'minutes and decision log with work between meetings', fields: betweenTexts.length, render: betweenMinutes },
];

describe.each(exporters)('$name', ({ fields, render }) => {
  const baseline = skeleton(render(() => 'x'));

  it('keep their block structure whatever user text holds', () => {
    fc.assert(
      fc.property(fc.array(userText, { minLength: fields, maxLength: fields }), (texts) => {
        const markdown = render((i) => texts[i]!);
        expect(skeleton(markdown)).toEqual(baseline);
        // Line breaks no reader agrees on never reach the file.
        expect(markdown).not.toMatch(/[\v\f\u0085\u2028\u2029]/);
      }),
      { numRuns: 150 },
    );
  });

  it('keep a bare carriage return from starting a heading', () => {
    const markdown = render((i) => (i % 2 ? 'x\r# Heading' : 'x\u2028# Heading'));
    expect(skeleton(markdown)).toEqual(baseline);
  });
});

describe('escaping', () => {
  it.each([
    ['a\rb', 'a b'],
    ['# h', '\\# h'],
    ['- a', '\\- a'],
    ['1. a', '1\\. a'],
    ['=', '\\='],
    ['a | b', 'a \\| b'],
  ])('a single line %j becomes %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it('keeps every line of a multi-line field inside its block', () => {
    expect(escapeMarkdownLines('one\r# two\n\n- three', '  ')).toBe('one  \n  \\# two  \n  \\- three');
  });
});
