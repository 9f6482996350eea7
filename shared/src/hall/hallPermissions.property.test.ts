import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROJECTOR_VIEWER_ID } from '../session/projectorGrant.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { mayChangeHallPhase, mayCloseHallTable, mayOrganiseHall } from './hallPermissions.ts';
import { hall } from './testing/hallFixtures.ts';
import { hallOrganiserCommand, hallStep } from './testing/hallSteps.ts';

describe('hall permissions', () => {
  it('refuse every organiser command from a phone, the projector or a stranger, in any hall', () => {
    fc.assert(
      fc.property(
        fc.array(hallStep, { maxLength: 25 }),
        fc.nat(),
        hallOrganiserCommand,
        fc.constantFrom('seated', PROJECTOR_VIEWER_ID, 'stranger'),
        (steps, who, command, sender) => {
          const h = hall({ mode: 'size', size: 3 });
          h.seat('Erste');
          for (const step of steps) step(h);
          const seats = h.state.seats;
          const phone = sender === 'seated' ? (seats[who % seats.length]?.participantId ?? '') : sender;
          if (mayOrganiseHall(h.state, phone)) return; // a phone an organiser promoted
          const before = h.state;
          const result = h.try(phone, command);
          expect(result.ok).toBe(false);
          if (!result.ok) expect([ErrorCode.forbidden, ErrorCode.unauthorized]).toContain(result.error.code);
          expect(h.state).toBe(before);
          expect(mayChangeHallPhase(h.state, phone)).toBe(false);
          expect(mayCloseHallTable(h.state, phone, 1)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never refuse an organiser command to an organiser as forbidden', () => {
    fc.assert(
      fc.property(fc.array(hallStep, { maxLength: 25 }), hallOrganiserCommand, (steps, command) => {
        const h = hall({ mode: 'count', tables: 4 });
        for (const step of steps) step(h);
        // The seat that opened the hall stays an organiser: the one `forbidden` an organiser hears (as in every kind).
        const demotesCreator = command.type === 'participant:set-role' && command.participantId === h.organiser;
        const result = h.try(h.organiser, command);
        if (!result.ok && !demotesCreator)
          expect([ErrorCode.forbidden, ErrorCode.unauthorized]).not.toContain(result.error.code);
      }),
      { numRuns: 300 },
    );
  });

  it('refuse the server’s own commands to every person, organisers included', () => {
    const h = hall();
    const a = h.seat('A');
    for (const actor of [h.organiser, a]) {
      for (const command of [
        { type: 'hall:seat', name: 'B', table: null },
        { type: 'hall:link-table', table: 1, sessionId: 'S' },
        { type: 'hall:record-pick', table: 1, outcomeId: 'o', text: 't' },
        { type: 'participant:join', name: 'C', role: 'facilitator' },
      ] as const) {
        expect(h.try(actor, command)).toMatchObject({ ok: false, error: { code: ErrorCode.forbidden } });
      }
    }
  });
});
