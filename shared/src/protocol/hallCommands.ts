import { z } from 'zod';
import { hallLimits } from '../hall/hallState.ts';
import { participantCommandSchemas, timerCommandSchemas } from './commandParts.ts';
import type { CommandsOf } from './commandParts.ts';
import { singleLineText } from './userText.ts';

const tableNumberSchema = z.number().int().min(1).max(hallLimits.tablesMax);

/** The commands a hall's devices send over the socket (organisers, and phones in the harvest). */
export const hallCommandPayloadSchemas = {
  ...participantCommandSchemas,
  ...timerCommandSchemas,
  /** The organiser moves every table to the next phase together; `minutes` starts the hall timer with it. */
  'hall:phase': z.strictObject({
    to: z.enum(['seating', 'collect', 'vote', 'discuss', 'harvest', 'ended']),
    minutes: z.number().int().min(1).max(120).optional(),
  }),
  'hall:announce': z.strictObject({ text: singleLineText(hallLimits.announcementText) }),
  /** Merge a table into the others: its people are seated evenly at the open tables with room. */
  'hall:close-table': z.strictObject({ table: tableNumberSchema }),
  'hall:harvest-vote': z.strictObject({ table: tableNumberSchema }),
  'hall:harvest-unvote': z.strictObject({ table: tableNumberSchema }),
} as const;

export type HallParticipantCommand = CommandsOf<typeof hallCommandPayloadSchemas>;

/** Commands only the server issues to a hall (seating goes through HTTP, like joining a session). */
export type HallSystemCommand =
  | { type: 'participant:join'; name: string; role: 'facilitator' | 'participant' }
  | { type: 'participant:presence'; participantId: string; online: boolean }
  | { type: 'participant:reinstate-facilitator'; participantId: string }
  | { type: 'timer:expire' }
  /** Seat a new phone: at `table` if given and open, else where the hall has most room. */
  | { type: 'hall:seat'; name: string; table: number | null }
  /** A seated phone moves to another open table. */
  | { type: 'hall:move'; participantId: string; table: number }
  | { type: 'hall:link-table'; table: number; sessionId: string }
  /** Copied from a table's commit that changed its highlight. */
  | { type: 'hall:record-pick'; table: number; outcomeId: string | null; text: string };

export type HallCommand = HallParticipantCommand | HallSystemCommand;
