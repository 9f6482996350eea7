import type { ParticipantId } from '../core/participants.ts';
import type { HallCommand } from '../protocol/hallCommands.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { hallAccept, hallRefuse, type HallDecision } from './hallDecision.ts';
import type { HallEvent } from './hallEvents.ts';
import { closeHallTableRefusal, harvestUnvoteRefusal, harvestVoteRefusal } from './hallPermissions.ts';
import { spreadHallTable } from './hallSeating.ts';
import type { HallState } from './hallState.ts';

type TableCommand = Extract<
  HallCommand,
  { type: 'hall:close-table' | 'hall:link-table' | 'hall:record-pick' | 'hall:harvest-vote' | 'hall:harvest-unvote' }
>;

const systemOnly = () => hallRefuse({ code: ErrorCode.forbidden, message: 'Only the server may do this.' });
const personOnly = () => hallRefuse({ code: ErrorCode.forbidden, message: 'A person must send this.' });

/** The tables of a hall: merging, their Lean Coffees, their picks, and the harvest's dots on them. */
export function decideHallTables(state: HallState, command: TableCommand, actorId: ParticipantId | null): HallDecision {
  switch (command.type) {
    case 'hall:close-table': {
      if (actorId === null) return personOnly();
      const refusal = closeHallTableRefusal(state, actorId, command.table);
      if (refusal) return hallRefuse(refusal);
      const seated: HallEvent[] = spreadHallTable(state, command.table).map(({ participantId, table }) => ({
        type: 'hall:seated',
        participantId,
        table,
        from: command.table,
        participant: null,
      }));
      return hallAccept(...seated, { type: 'hall:table-closed', table: command.table });
    }
    case 'hall:link-table': {
      if (actorId !== null) return systemOnly();
      const table = state.tables.find((t) => t.number === command.table);
      if (!table) return hallRefuse({ code: ErrorCode.notFound, message: 'No such table.' });
      // Two servers may race to open a table: the first link stands, the loser deletes its session.
      if (table.sessionId !== null) {
        return hallRefuse({ code: ErrorCode.invalidState, message: 'This table is open already.' });
      }
      return hallAccept({ type: 'hall:table-linked', table: command.table, sessionId: command.sessionId });
    }
    case 'hall:record-pick': {
      if (actorId !== null) return systemOnly();
      if (!state.tables.some((t) => t.number === command.table)) {
        return hallRefuse({ code: ErrorCode.notFound, message: 'No such table.' });
      }
      const current = state.picks.find((p) => p.table === command.table);
      if (command.outcomeId === null) {
        return current ? hallAccept({ type: 'hall:pick-recorded', table: command.table, pick: null }) : hallAccept();
      }
      const pick = { table: command.table, outcomeId: command.outcomeId, text: command.text };
      if (current && current.outcomeId === pick.outcomeId && current.text === pick.text) return hallAccept();
      return hallAccept({ type: 'hall:pick-recorded', table: command.table, pick });
    }
    case 'hall:harvest-vote': {
      if (actorId === null) return personOnly();
      const refusal = harvestVoteRefusal(state, actorId, command.table);
      if (refusal) return hallRefuse(refusal);
      return hallAccept({ type: 'hall:harvest-voted', voterId: actorId, table: command.table });
    }
    case 'hall:harvest-unvote': {
      if (actorId === null) return personOnly();
      const refusal = harvestUnvoteRefusal(state, actorId, command.table);
      if (refusal) return hallRefuse(refusal);
      return hallAccept({ type: 'hall:harvest-unvoted', voterId: actorId, table: command.table });
    }
  }
}
