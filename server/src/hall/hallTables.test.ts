import { limits } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { hallTableTitle } from './hallTables.ts';

describe('hallTableTitle', () => {
  it('names the table after its hall', () => {
    expect(hallTableTitle('Barcamp', 7)).toBe('Barcamp · Tisch 7');
  });

  it('shortens a long hall title so the table title stays a valid title', () => {
    const title = hallTableTitle('ä'.repeat(limits.sessionTitle), 250);
    expect([...title]).toHaveLength(limits.sessionTitle);
    expect(title.endsWith(' · Tisch 250')).toBe(true);
  });
});
