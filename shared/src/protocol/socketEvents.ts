import { z } from 'zod';
import type { DomainEvent, VersionedEvent } from '../domain/events.ts';
import type { ParticipantId, SessionState } from '../domain/state.ts';
import type { CommandInput, CommandType } from './commands.ts';
import type { Ack } from './errors.ts';
import { secretSchema } from './http.ts';
import { joinCodeSchema } from './schemas.ts';

/** What a client presents in `io(url, { auth })`. */
export const handshakeAuthSchema = z.strictObject({
  protocolVersion: z.number().int(),
  sessionId: joinCodeSchema,
  token: secretSchema,
});
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

/** The acknowledgement data of every command: the version the session reached. */
export interface CommandResult {
  version: number;
}

export const syncRequestSchema = z.strictObject({
  sinceVersion: z.number().int().min(0),
});
export type SyncRequest = z.infer<typeof syncRequestSchema>;

/**
 * What a client missed: the events after its version when the server still has them all,
 * otherwise the whole state as this client may see it.
 */
export type SyncResult =
  | { kind: 'events'; events: VersionedEvent[] }
  | {
      kind: 'snapshot';
      version: number;
      state: SessionState;
      you: ParticipantId;
    };

/** Pushed to each client after every commit, already masked for that client. */
export interface EventBatch {
  events: VersionedEvent[];
}

type CommandHandlers = {
  [T in CommandType]: (payload: CommandInput<T>, ack: (result: Ack<CommandResult>) => void) => void;
};

export interface ClientToServerEvents extends CommandHandlers {
  'session:sync': (request: SyncRequest, ack: (result: Ack<SyncResult>) => void) => void;
}

export interface ServerToClientEvents {
  'session:events': (batch: EventBatch) => void;
}

/** The error a refused handshake carries in `connect_error`'s `data`. */
export interface HandshakeErrorData {
  code: 'protocol_mismatch' | 'unauthorized' | 'invalid_payload' | 'not_found' | 'unavailable' | 'internal';
}

export type { DomainEvent };
