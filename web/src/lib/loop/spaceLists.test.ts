import { describe, expect, it } from 'vitest';
import { appendDraft, moveItem, removeAt } from './spaceLists.ts';

describe('moveItem', () => {
  it.each([
    { index: 1, delta: -1, expected: ['b', 'a', 'c'] },
    { index: 1, delta: 1, expected: ['a', 'c', 'b'] },
    { index: 0, delta: -1, expected: ['a', 'b', 'c'] },
    { index: 2, delta: 1, expected: ['a', 'b', 'c'] },
    { index: 5, delta: -1, expected: ['a', 'b', 'c'] },
  ] as const)('moves item $index by $delta', ({ index, delta, expected }) => {
    const list = ['a', 'b', 'c'];
    expect(moveItem(list, index, delta)).toEqual(expected);
    expect(list).toEqual(['a', 'b', 'c']);
  });
});

describe('removeAt', () => {
  it('drops only the item at the index', () => {
    expect(removeAt(['a', 'b', 'a'], 2)).toEqual(['a', 'b']);
    expect(removeAt(['a'], 3)).toEqual(['a']);
  });
});

describe('appendDraft', () => {
  it.each([
    { list: ['a'], draft: '  b ', max: 3, expected: ['a', 'b'] },
    { list: ['a'], draft: '   ', max: 3, expected: undefined },
    { list: ['a', 'b'], draft: 'c', max: 2, expected: undefined },
    { list: [], draft: 'a', max: 1, expected: ['a'] },
  ])('adds $draft to $list (at most $max)', ({ list, draft, max, expected }) => {
    expect(appendDraft(list, draft, max)).toEqual(expected);
  });
});
