import fc from 'fast-check';
import type { HallCommand } from '../../protocol/hallCommands.ts';
import type { HallHarness } from './hallFixtures.ts';

/** One generated step of a hall's life: who sends what (resolved against the state it meets). */
export type HallStep = (h: HallHarness) => void;

const pickFrom = <T>(list: readonly T[], index: number): T | undefined => list[index % Math.max(list.length, 1)];

/** Runs a command, ignoring a refusal (generated steps are often not allowed; that is the point). */
const attempt = (h: HallHarness, actor: string, command: HallCommand) => {
  h.try(actor, command);
};

/** Steps that walk a hall through seating, moves, merges, phases, picks and dots. */
export const hallStep: fc.Arbitrary<HallStep> = fc.oneof(
  fc.record({ n: fc.nat(99), table: fc.option(fc.integer({ min: 1, max: 5 })) }).map(
    ({ n, table }): HallStep =>
      (h) =>
        attempt(h, 'system', { type: 'hall:seat', name: `Gast ${n}`, table }),
  ),
  fc.record({ who: fc.nat(), table: fc.integer({ min: 1, max: 5 }) }).map(({ who, table }): HallStep => (h) => {
    const seat = pickFrom(h.state.seats, who);
    if (seat) attempt(h, 'system', { type: 'hall:move', participantId: seat.participantId, table });
  }),
  fc.integer({ min: 1, max: 5 }).map(
    (table): HallStep =>
      (h) =>
        attempt(h, h.organiser, { type: 'hall:close-table', table }),
  ),
  fc.constantFrom('collect', 'vote', 'discuss', 'harvest').map(
    (to): HallStep =>
      (h) =>
        attempt(h, h.organiser, { type: 'hall:phase', to }),
  ),
  fc.record({ table: fc.integer({ min: 1, max: 5 }), remove: fc.boolean() }).map(
    ({ table, remove }): HallStep =>
      (h) =>
        attempt(h, 'system', {
          type: 'hall:record-pick',
          table,
          outcomeId: remove ? null : `o${table}`,
          text: `Erkenntnis ${table}`,
        }),
  ),
  fc
    .record({ who: fc.nat(), table: fc.integer({ min: 1, max: 5 }), back: fc.boolean() })
    .map(({ who, table, back }): HallStep => (h) => {
      const voter = pickFrom(h.state.participants, who);
      if (voter) attempt(h, voter.id, { type: back ? 'hall:harvest-unvote' : 'hall:harvest-vote', table });
    }),
  fc.nat(99).map(
    (n): HallStep =>
      (h) =>
        attempt(h, h.organiser, { type: 'hall:announce', text: `Hinweis ${n}` }),
  ),
  fc.nat(99).map(
    (n): HallStep =>
      (h) =>
        attempt(h, 'system', { type: 'participant:join', name: `Orga ${n}`, role: 'facilitator' }),
  ),
);

/** The commands only an organiser may send (those a person sends; the server's own are refused to everyone). */
export const hallOrganiserCommand: fc.Arbitrary<HallCommand> = fc.oneof(
  fc
    .record({
      to: fc.constantFrom('seating', 'collect', 'vote', 'discuss', 'harvest', 'ended'),
      minutes: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
    })
    .map(({ to, minutes }): HallCommand =>
      minutes === undefined ? { type: 'hall:phase', to } : { type: 'hall:phase', to, minutes },
    ),
  fc.constant<HallCommand>({ type: 'hall:announce', text: 'Kaffee ist da' }),
  fc.integer({ min: 1, max: 6 }).map((table): HallCommand => ({ type: 'hall:close-table', table })),
  fc.integer({ min: 1, max: 120 }).map((minutes): HallCommand => ({ type: 'timer:start', minutes })),
  fc.integer({ min: 1, max: 120 }).map((minutes): HallCommand => ({ type: 'timer:add', minutes })),
  fc.constantFrom<HallCommand>({ type: 'timer:pause' }, { type: 'timer:resume' }, { type: 'timer:reset' }),
  fc
    .record({ who: fc.constantFrom('p1', 'x'), role: fc.constantFrom('facilitator', 'participant') })
    .map(({ who, role }): HallCommand => ({ type: 'participant:set-role', participantId: who, role })),
);
