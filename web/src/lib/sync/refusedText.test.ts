import { describe, expect, it } from 'vitest';
import { refusedWhat, writtenText } from './refusedText.ts';

describe('what a refused command gives back', () => {
  it.each([
    [{ title: 'Ferienbetreuung', description: 'Im Sommer' }, 'Ferienbetreuung\n\nIm Sommer'],
    [{ title: 'Nur ein Titel', description: '' }, 'Nur ein Titel'],
    [{ topicId: 't1' }, ''],
    [{ outcome: { type: 'next-action', text: 'Raum buchen', ownerName: 'Ana' } }, 'Raum buchen'],
    [{ reason: 'Das schadet uns' }, 'Das schadet uns'],
  ])('the text of %j is %j', (payload, text) => {
    expect(writtenText(payload)).toBe(text);
  });

  it.each([
    ['topic:add', 'topic'],
    ['vote:cast', 'vote'],
    ['tension:add', 'tension'],
    ['tension:outcome', 'entry'],
    ['outcome:add', 'entry'],
    ['objection:raise', 'objection'],
    ['participant:rename', 'change'],
  ] as const)('%s is named as %s', (type, what) => {
    expect(refusedWhat(type)).toBe(what);
  });
});
