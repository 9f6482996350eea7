import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentSpeaker, decisionLogMarkdown, loopMeetingMarkdown } from '@runde/shared/client';
import { betweenMeetingsSpace } from '../../../shared/src/export/testing/betweenMeetingsSpace.ts';
import { teamSpace } from '../../../shared/src/teamSpace/testing/fixtures.ts';
import { catalogTranslator } from './i18n/catalogTranslator.ts';
import type { Language } from './i18n/languages.ts';
import { teamMinutesLabels } from './teamMinutesLabels.ts';

/** The labels the app builds from its catalog, in `language`. */
const loopMinutesLabels = (language: Language) => teamMinutesLabels(catalogTranslator(language));

const formatDate = () => '2023-11-14';

/** Two meetings of one team: a sync meeting, then a governance meeting that adopts a proposal. */
function teamWithHistory() {
  const s = teamSpace();
  s.run('p1', { type: 'space:update', checklist: ['Minutes sent'], metrics: ['Open cases'] });
  const printer = s.addTension('p2', 'Printer in room 2 is broken', 'operational');
  const rule = s.addTension('p3', 'Nobody knows who *signs* grants', 'operational');
  s.meetingAtTensions('operational');
  s.run('p1', { type: 'meeting:assign-role', role: 'scribe', participantId: 'p4' });
  s.run('p1', { type: 'tension:start', tensionId: printer });
  s.run('p4', {
    type: 'tension:outcome',
    outcome: { type: 'next-action', text: 'Call the vendor', ownerId: 'p3', ownerName: null, due: '2026-12-01' },
  });
  s.run('p4', { type: 'tension:close', gotWhatNeeded: true });
  s.run('p1', { type: 'tension:start', tensionId: rule });
  s.run('p4', { type: 'tension:outcome', outcome: { type: 'to-governance' } });
  s.run('p4', { type: 'tension:close', gotWhatNeeded: false });
  s.run('p1', { type: 'meeting:end' });

  s.meetingAtTensions('governance');
  s.run('p1', { type: 'tension:start', tensionId: rule });
  s.run('p3', { type: 'proposal:set', proposal: 'The team lead signs grants up to 5,000 €.' });
  for (let i = 0; i < 4; i += 1) s.run('p1', { type: 'process:advance' });
  while (s.state.meeting!.round!.index < s.state.meeting!.round!.order.length) {
    s.run(currentSpeaker(s.state.meeting!.round)!, { type: 'objection:none' });
  }
  s.run('p1', { type: 'process:advance' });
  s.run('p1', { type: 'tension:close', gotWhatNeeded: null });
  s.run('p1', { type: 'meeting:end' });
  return s;
}

describe('team meeting minutes', () => {
  it.each(['en', 'de'] as const)('match the golden Markdown in %s', (language) => {
    const s = teamWithHistory();
    const format = { labels: loopMinutesLabels(language), formatDate };
    const minutes = s.state.meetings.map((record) => loopMeetingMarkdown(s.state, record, format)).join('\n---\n\n');
    const log = decisionLogMarkdown(s.state, format);
    const file = new URL(`../../../shared/src/export/golden/loop.${language}.md`, import.meta.url);
    // After an intended change to the minutes, regenerate with UPDATE_GOLDEN=1 and review the diff.
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, `${minutes}\n===\n\n${log}`);
    expect(`${minutes}\n===\n\n${log}`).toBe(readFileSync(file, 'utf8'));
  });

  it.each(['en', 'de'] as const)('match the golden Markdown with work between meetings in %s', (language) => {
    const state = betweenMeetingsSpace();
    const format = { labels: loopMinutesLabels(language), formatDate };
    const minutes = state.meetings.map((record) => loopMeetingMarkdown(state, record, format)).join('\n---\n\n');
    const text = `${minutes}\n===\n\n${decisionLogMarkdown(state, format)}`;
    const file = new URL(`../../../shared/src/export/golden/loop-between.${language}.md`, import.meta.url);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, text);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });

  it.each([
    { language: 'en', line: 'present: Fee, Ana, Cem · marked absent by the facilitator: Ben' },
    { language: 'de', line: 'anwesend: Fee, Ana, Cem · von der Moderation als abwesend vermerkt: Ben' },
  ] as const)('the decision log names whom the facilitator marked absent ($language)', ({ language, line }) => {
    const s = teamSpace();
    const id = s.addTension('p2', 'Who signs?', 'governance');
    s.meetingAtTensions('governance');
    s.run('p1', { type: 'tension:start', tensionId: id });
    s.run('p2', { type: 'proposal:set', proposal: 'The lead signs.' });
    for (let i = 0; i < 4; i += 1) s.run('p1', { type: 'process:advance' });
    while (s.state.meeting!.round!.index < s.state.meeting!.round!.order.length) {
      const speaker = currentSpeaker(s.state.meeting!.round)!;
      if (speaker === 'p3') s.run('p1', { type: 'objection:mark-absent', participantId: speaker });
      else s.run(speaker, { type: 'objection:none' });
    }
    s.run('p1', { type: 'process:advance' });
    const format = { labels: loopMinutesLabels(language), formatDate };
    expect(decisionLogMarkdown(s.state, format)).toContain(`${formatDate()} · ${line}\n`);
    s.run('p1', { type: 'tension:close', gotWhatNeeded: null });
    s.run('p1', { type: 'meeting:end' });
    expect(loopMeetingMarkdown(s.state, s.state.meetings[0]!, format)).toContain('Ben)');
  });

  it('numbers decisions as adopted, puts archived ones first, and says where an archived one is', () => {
    const s = teamWithHistory();
    const format = { labels: loopMinutesLabels('en'), formatDate };
    const [adopted] = s.state.decisions;
    expect(adopted?.number).toBe(1);
    // Later, with 59 decisions before it and the oldest ones archived.
    const live = { ...s.state, decisions: [{ ...adopted!, number: 60 }], decisionsAdopted: 60 };
    const archived = [{ ...adopted!, id: 'd_old', number: 7, title: 'Old rule' }];
    const log = decisionLogMarkdown(live, format, archived);
    expect(log.indexOf('## 7. Old rule')).toBeGreaterThan(0);
    expect(log.indexOf('## 60. ')).toBeGreaterThan(log.indexOf('## 7. Old rule'));
    const governance = s.state.meetings[1]!;
    const minutes = loopMeetingMarkdown({ ...live, decisions: [] }, governance, format);
    expect(minutes).toContain('**Decision:** adopted; its text is in the full decision log.');
  });

  it('still reads a decision logged before marking absent existed', () => {
    const s = teamWithHistory();
    const decisions = s.state.decisions.map(({ markedAbsent: _dropped, ...old }) => old);
    const log = decisionLogMarkdown({ ...s.state, decisions }, { labels: loopMinutesLabels('en'), formatDate });
    expect(log).toContain('adopted 2023-11-14 · present: Fee, Ana, Ben, Cem\n');
  });

  it('says when a governance tension left the meeting without a decision', () => {
    const s = teamSpace();
    const id = s.addTension('p2', 'Who approves overtime?', 'governance');
    s.meetingAtTensions('governance');
    s.run('p1', { type: 'tension:start', tensionId: id });
    s.run('p1', { type: 'tension:close', gotWhatNeeded: null });
    s.run('p1', { type: 'meeting:end' });
    const record = s.state.meetings[0]!;
    const minutes = loopMeetingMarkdown(s.state, record, { labels: loopMinutesLabels('en'), formatDate });
    expect(minutes).toContain('### Who approves overtime?\n\n_No decision in this meeting; the tension stays open._');
  });

  it.each([
    { shareable: false, shows: false },
    { shareable: true, shows: true },
  ])('relationship room content appears only when shareable ($shareable)', ({ shareable, shows }) => {
    const s = teamSpace();
    const id = s.addTension('p2', 'Friction between Ana and Ben', 'relationship');
    s.meetingAtTensions('relationship');
    s.run('p1', { type: 'tension:start', tensionId: id });
    s.run('p1', { type: 'tension:agreement', agreement: 'We talk before escalating.' });
    if (shareable) s.run('p1', { type: 'tension:set-shareable', tensionId: id, shareable: true });
    s.run('p1', { type: 'tension:close', gotWhatNeeded: null });
    s.run('p1', { type: 'meeting:end' });
    const minutes = loopMeetingMarkdown(s.state, s.state.meetings[0]!, { labels: loopMinutesLabels('en'), formatDate });
    expect(minutes.includes('Friction between Ana and Ben')).toBe(shows);
    expect(minutes.includes('We talk before escalating.')).toBe(shows);
    expect(minutes.includes('1 personal tension was processed (not shared).')).toBe(!shows);
  });
});

describe('a meeting ended early', () => {
  it.each([
    ['de', '**Übersprungen:** Projekt-Updates, Tagesordnung, Spannungen, Abschlussrunde'],
    ['en', '**Skipped:** Project updates, Agenda, Tensions, Closing round'],
  ] as const)('names the steps it skipped (%s)', (language, line) => {
    const s = teamSpace();
    s.run('p1', { type: 'space:update', checklist: ['Post'] });
    s.run('p1', { type: 'meeting:start', room: 'operational' });
    s.run('p1', { type: 'round:start', kind: 'checkin' });
    s.run('p1', { type: 'meeting:advance' });
    s.run('p1', { type: 'meeting:mark-checklist', index: 0, done: true });
    s.run('p1', { type: 'meeting:end' });
    const record = s.state.meetings.at(-1)!;
    const markdown = loopMeetingMarkdown(s.state, record, { labels: loopMinutesLabels(language), formatDate });
    expect(markdown.split('\n')).toContain(line);
  });
});
