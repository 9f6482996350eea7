import { describe, expect, it } from 'vitest';
import { leanCoffeeExportFor, leanCoffeeFromExport, parseLeanCoffeeExport } from './leanCoffeeExport.ts';
import { richLeanCoffee } from './testing/richLeanCoffee.ts';

const now = Date.UTC(2030, 0, 1);

describe('Lean Coffee backup', () => {
  it('reads back what it wrote: export → parse → restore → export is the identity', () => {
    const state = richLeanCoffee();
    expect(state.phase).toBe('ended');
    const file = leanCoffeeExportFor(state, 'p1', now);
    expect(file.session.outcomes.length).toBeGreaterThan(1);
    const parsed = parseLeanCoffeeExport(JSON.parse(JSON.stringify(file)), now);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    const restored = leanCoffeeFromExport(parsed.value, 'NEW234');
    expect(restored.facilitatorId).toBe('p1');
    expect(leanCoffeeExportFor(restored.state, 'p1', now)).toEqual(file);
  });
});
