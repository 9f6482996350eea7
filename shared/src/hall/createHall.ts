import type { DecideContext } from '../core/decision.ts';
import { newParticipant } from '../core/participants.ts';
import type { LeanCoffeeSettings } from '../leanCoffee/state.ts';
import type { HallEvent } from './hallEvents.ts';
import { hallLimits, type HallSeating } from './hallState.ts';

/** What the organiser chose when opening a hall (already validated by the HTTP schema). */
export interface CreateHallInput {
  id: string;
  title: string;
  organiserName: string;
  settings: LeanCoffeeSettings;
  seating: HallSeating;
  /** Dots per person in the harvest; 3 unless chosen. */
  harvestDots?: number;
}

export const defaultHarvestDots = 3;

/**
 * The events that open a hall: the hall, its organiser (the creator's seat, facilitator) and its
 * first tables: every table at once in count mode, table 1 in size mode (more as it fills).
 * `tableSize` is the size chosen in size mode; in count mode the largest table a Lean Coffee
 * allows, a soft cap (count mode fills its tables evenly whatever their size).
 */
export function createHall(input: CreateHallInput, ctx: Omit<DecideContext, 'actor'>): HallEvent[] {
  const count = input.seating.mode === 'count' ? input.seating.tables : 1;
  const tableSize = input.seating.mode === 'size' ? input.seating.size : hallLimits.tableSizeMax;
  return [
    {
      type: 'hall:created',
      id: input.id,
      kind: 'hall',
      title: input.title,
      settings: input.settings,
      seating: input.seating,
      tableSize,
      harvestDots: input.harvestDots ?? defaultHarvestDots,
      createdAt: ctx.now,
    },
    { type: 'participant:joined', participant: newParticipant(input.organiserName, 'facilitator', ctx) },
    { type: 'hall:tables-added', numbers: Array.from({ length: count }, (_, i) => i + 1) },
  ];
}
