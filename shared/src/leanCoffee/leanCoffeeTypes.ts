import type { LeanCoffeeExport } from '../export/leanCoffeeExport.ts';
import type { Command, commandPayloadSchemas } from '../protocol/commands.ts';
import type { DomainEvent } from './events.ts';
import type { SessionState } from './state.ts';

/** The types a Lean Coffee is made of (see `KindTypes`). */
export interface LeanCoffeeTypes {
  state: SessionState;
  event: DomainEvent;
  command: Command;
  schemas: typeof commandPayloadSchemas;
  export: LeanCoffeeExport;
}
