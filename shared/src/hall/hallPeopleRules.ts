import type { DecideContext } from '../core/decision.ts';
import {
  decidePeople,
  newParticipant,
  renameParticipant,
  roleChangeRefusal,
  type ParticipantId,
} from '../core/participants.ts';
import type { HallCommand } from '../protocol/hallCommands.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { hallAccept, hallRefuse, type HallDecision } from './hallDecision.ts';
import { mayChangeHallRole, mayOrganiseHall, mayRenameInHall } from './hallPermissions.ts';
import { chooseHallTable, hallMoveRefusal } from './hallSeating.ts';
import { hallLimits, type HallState } from './hallState.ts';

type PeopleCommand = Extract<
  HallCommand,
  {
    type:
      | 'participant:join'
      | 'participant:presence'
      | 'participant:reinstate-facilitator'
      | 'participant:rename'
      | 'participant:set-role'
      | 'hall:seat'
      | 'hall:move';
  }
>;

const organisersOf = (state: HallState) => state.participants.filter((p) => p.role === 'facilitator');

/**
 * People in a hall. Organisers join like a facilitator of any kind (`participant:join`, at most
 * `hallLimits.organisersMax`, names unique among organisers); phones take a seat with `hall:seat`,
 * whose `hall:seated` carries them, so their names stay masked (see `hallEventFor`). Names of
 * phones are not compared: two Anas at two tables are fine, and each table checks its own.
 */
export function decideHallPeople(
  state: HallState,
  command: PeopleCommand,
  ctx: DecideContext,
  actorId: ParticipantId | null,
): HallDecision {
  switch (command.type) {
    case 'participant:join':
      if (command.role !== 'facilitator') {
        return hallRefuse({ code: ErrorCode.invalidState, message: 'A phone takes a seat in the hall (hall:seat).' });
      }
      return decidePeople(organisersOf(state), command, ctx, hallLimits.organisersMax);
    case 'participant:presence':
    case 'participant:reinstate-facilitator':
      return decidePeople(state.participants, command, ctx);
    case 'hall:seat': {
      const choice = chooseHallTable(state, command.table);
      if (!choice.ok) return hallRefuse(choice.error);
      const participant = newParticipant(command.name, 'participant', ctx);
      return hallAccept(...(choice.addTable ? [{ type: 'hall:tables-added' as const, numbers: [choice.table] }] : []), {
        type: 'hall:seated',
        participantId: participant.id,
        table: choice.table,
        from: null,
        participant,
      });
    }
    case 'hall:move': {
      const refusal = hallMoveRefusal(state, command.participantId, command.table);
      if (refusal) return hallRefuse(refusal);
      const from = state.seats.find((s) => s.participantId === command.participantId)?.table ?? null;
      // Moving to the table one sits at already changes nothing (a retried request).
      if (from === command.table) return hallAccept();
      return hallAccept({
        type: 'hall:seated',
        participantId: command.participantId,
        table: command.table,
        from,
        participant: null,
      });
    }
    case 'participant:rename':
      if (actorId === null || !mayRenameInHall(state, actorId)) {
        return hallRefuse({ code: ErrorCode.forbidden, message: 'Change your name at your table.' });
      }
      return renameParticipant(organisersOf(state), actorId, command.name);
    case 'participant:set-role': {
      if (actorId === null || !mayOrganiseHall(state, actorId)) {
        return hallRefuse({ code: ErrorCode.forbidden, message: 'Only an organiser changes roles.' });
      }
      const target = state.participants.find((p) => p.id === command.participantId);
      if (!target) return hallRefuse({ code: ErrorCode.notFound, message: 'No such participant.' });
      if (target.role === command.role) return hallAccept();
      if (!mayChangeHallRole(state, actorId, target, command.role)) {
        const refusal = roleChangeRefusal(state.participants, target, command.role);
        return hallRefuse(
          refusal ?? { code: ErrorCode.limitReached, message: 'This event has as many organisers as it may.' },
        );
      }
      return hallAccept({ type: 'participant:role-changed', participantId: target.id, role: command.role });
    }
  }
}
