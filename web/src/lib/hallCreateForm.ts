import { hallLimits } from '@runde/shared/client';
import type { HallSeatingChoice } from './api.ts';

/** The hall part of the start form as it holds it: numbers may be empty while typing. */
export interface HallCreateForm {
  mode: 'count' | 'size';
  tables: number | null;
  size: number | null;
  harvestDots: number | null;
}

export const defaultHallCreateForm = (): HallCreateForm => ({ mode: 'count', tables: 10, size: 6, harvestDots: 3 });

export type HallCreateProblem = 'tables' | 'size' | 'harvestDots';

export type HallCreateParse =
  { ok: true; seating: HallSeatingChoice; harvestDots: number } | { ok: false; problem: HallCreateProblem };

/** The bounds of each number, the ones the server's schema holds (`hallLimits`). */
export const hallCreateBounds: Record<HallCreateProblem, { min: number; max: number }> = {
  tables: { min: 1, max: hallLimits.tablesMax },
  size: { min: hallLimits.tableSizeMin, max: hallLimits.tableSizeMax },
  harvestDots: { min: 1, max: hallLimits.harvestDotsMax },
};

const within = (value: number | null, problem: HallCreateProblem): value is number =>
  value !== null &&
  Number.isInteger(value) &&
  value >= hallCreateBounds[problem].min &&
  value <= hallCreateBounds[problem].max;

/** Checks the form before it is sent; the server checks again. */
export function parseHallCreateForm(form: HallCreateForm): HallCreateParse {
  if (form.mode === 'count' && !within(form.tables, 'tables')) return { ok: false, problem: 'tables' };
  if (form.mode === 'size' && !within(form.size, 'size')) return { ok: false, problem: 'size' };
  if (!within(form.harvestDots, 'harvestDots')) return { ok: false, problem: 'harvestDots' };
  const seating: HallSeatingChoice =
    form.mode === 'count' ? { mode: 'count', tables: form.tables ?? 0 } : { mode: 'size', size: form.size ?? 0 };
  return { ok: true, seating, harvestDots: form.harvestDots };
}
