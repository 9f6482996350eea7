import type { HallCommand, hallCommandPayloadSchemas } from '../protocol/hallCommands.ts';
import type { HallEvent } from './hallEvents.ts';
import type { HallBackup } from './hallBackup.ts';
import type { HallState } from './hallState.ts';

/** The types a hall is made of (see `KindTypes`). */
export interface HallTypes {
  state: HallState;
  event: HallEvent;
  command: HallCommand;
  schemas: typeof hallCommandPayloadSchemas;
  export: HallBackup;
}
