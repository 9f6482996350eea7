import { acceptsBySchemas, type KindDefinition } from '../core/kindDefinition.ts';
import { mayExportLeanCoffee } from '../export/exportAccess.ts';
import { leanCoffeeExportFor, leanCoffeeFromExport, parseLeanCoffeeExport } from '../export/leanCoffeeExport.ts';
import { commandPayloadSchemas, type Command } from '../protocol/commands.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { decide } from './decide.ts';
import { leanCoffeeFold } from './leanCoffeeFold.ts';
import type { LeanCoffeeTypes } from './leanCoffeeTypes.ts';
import { eventFor, viewFor } from './view.ts';
import { upgradeStoredLeanCoffee } from './storedUpgrade.ts';

const acceptsCommon = acceptsBySchemas<Command>(commandPayloadSchemas);

/** A Lean Coffee, as the registry of kinds lists it. Server-only: it carries the command schemas (zod). */
export const leanCoffeeKind: KindDefinition<LeanCoffeeTypes> = {
  ...leanCoffeeFold,
  schemas: commandPayloadSchemas,
  accepts: (command): command is Command => acceptsCommon(command) || command.type === 'hall:relay',
  decide,
  viewFor,
  eventFor,
  // A Lean Coffee keeps everything in its live state.
  archivedByFold: () => [],
  exportFor: (state, participantId, now) =>
    mayExportLeanCoffee(state, participantId)
      ? { ok: true, file: leanCoffeeExportFor(state, participantId, now) }
      : { ok: false, error: { code: ErrorCode.forbidden, message: 'Only a facilitator may export.' } },
  restoreFrom: (json, now) => {
    const parsed = parseLeanCoffeeExport(json, now);
    if (!parsed.ok) return parsed;
    // A Lean Coffee has no archive: everything is in the live state.
    return { ok: true, value: (code) => ({ ...leanCoffeeFromExport(parsed.value, code), archive: [] }) };
  },
  paths: { join: (code) => `/j/${code}`, page: (code) => `/s/${code}` },
  upgradeStoredState: upgradeStoredLeanCoffee,
  upgradeStoredEvent: (_state, event) => event,
  isEventInCurrentShape: () => true,
};
