import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdownBlocks.ts';

const plain = (text: string) => ({ text, strong: false, em: false });

describe('parseInline', () => {
  it.each([
    { md: 'plain', spans: [plain('plain')] },
    { md: '**Present:** Ana', spans: [{ text: 'Present:', strong: true, em: false }, plain(' Ana')] },
    { md: '_no owner yet_', spans: [{ text: 'no owner yet', strong: false, em: true }] },
    { md: 'who \\*signs\\* a\\_b \\[x\\]', spans: [plain('who *signs* a_b [x]')] },
    { md: 'back\\\\slash', spans: [plain('back\\slash')] },
  ])('$md', ({ md, spans }) => {
    expect(parseInline(md)).toEqual(spans);
  });
});

describe('parseMarkdown', () => {
  it('keeps the further lines of a multi-line note inside its list item', () => {
    expect(parseMarkdown('- Website: first  \n  second\n- Other')).toEqual([
      {
        kind: 'list',
        items: [
          { checked: null, content: [plain('Website: first'), plain(' '), plain('second')] },
          { checked: null, content: [plain('Other')] },
        ],
      },
    ]);
  });

  it('reads the blocks of the minutes', () => {
    const md = [
      '# Team — Governance room',
      '',
      'Meeting on 14 March 2025',
      '',
      '**Present:** Fee, Ana  ',
      '**Scribe:** nobody',
      '',
      '## Actions',
      '',
      '- [ ] Call the vendor — Ben',
      '- [x] Done thing — _no owner yet_',
      '- Open cases: 3',
      '',
      '---',
      'one',
      'two',
    ].join('\n');
    expect(parseMarkdown(md)).toEqual([
      { kind: 'heading', level: 1, content: [plain('Team — Governance room')] },
      { kind: 'paragraph', lines: [[plain('Meeting on 14 March 2025')]] },
      {
        kind: 'paragraph',
        lines: [
          [{ text: 'Present:', strong: true, em: false }, plain(' Fee, Ana')],
          [{ text: 'Scribe:', strong: true, em: false }, plain(' nobody')],
        ],
      },
      { kind: 'heading', level: 2, content: [plain('Actions')] },
      {
        kind: 'list',
        items: [
          { checked: false, content: [plain('Call the vendor — Ben')] },
          { checked: true, content: [plain('Done thing — '), { text: 'no owner yet', strong: false, em: true }] },
          { checked: null, content: [plain('Open cases: 3')] },
        ],
      },
      { kind: 'rule' },
      { kind: 'paragraph', lines: [[plain('one'), plain(' '), plain('two')]] },
    ]);
  });
});
