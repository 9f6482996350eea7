import { describe, expect, it } from 'vitest';
import { defaultHallCreateForm, parseHallCreateForm } from './hallCreateForm.ts';

describe('hall create form', () => {
  it('sends a number of tables or a table size, with the harvest dots', () => {
    expect(parseHallCreateForm(defaultHallCreateForm())).toEqual({
      ok: true,
      seating: { mode: 'count', tables: 10 },
      harvestDots: 3,
    });
    expect(parseHallCreateForm({ ...defaultHallCreateForm(), mode: 'size', size: 8 })).toEqual({
      ok: true,
      seating: { mode: 'size', size: 8 },
      harvestDots: 3,
    });
  });

  it.each([
    [{ tables: 0 }, 'tables'],
    [{ tables: 251 }, 'tables'],
    [{ tables: null }, 'tables'],
    [{ mode: 'size' as const, size: 1 }, 'size'],
    [{ mode: 'size' as const, size: 13 }, 'size'],
    [{ harvestDots: 11 }, 'harvestDots'],
    [{ harvestDots: 0 }, 'harvestDots'],
    [{ harvestDots: 2.5 }, 'harvestDots'],
  ])('refuses %o as a problem with %s', (change, problem) => {
    expect(parseHallCreateForm({ ...defaultHallCreateForm(), ...change })).toEqual({ ok: false, problem });
  });

  it('ignores the size while counting tables', () => {
    expect(parseHallCreateForm({ ...defaultHallCreateForm(), size: null }).ok).toBe(true);
  });
});
