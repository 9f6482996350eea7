import { performance } from 'node:perf_hooks';
import { commandMetaSchema, ErrorCode, fail, type Ack } from '@runde/shared';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { payloadIssues, toAppError } from '../failures.ts';
import type { AppMetrics } from '../metrics/appMetrics.ts';
import type { RundeSocket } from './types.ts';

/** What a handler knows about the sender; taken from the handshake, never from the payload. */
export interface HandlerContext {
  socket: RundeSocket;
  sessionId: string;
  participantId: string;
  /** Sends the ack now (before a broadcast); the wrapper ignores the handler's later return value. */
  respond: (result: Ack<unknown>) => void;
  /** The client's id for this command, when it sent one: lets a retry be recognised. */
  commandId: string | undefined;
}

/** What the handlers report to `/metrics`. */
export type CommandMetrics = Pick<AppMetrics, 'observeAck' | 'countError'>;

export interface HandlerDeps {
  /** Spends one point of the budget this message counts against; false when it is spent. */
  withinBudget: (socket: RundeSocket) => Promise<boolean>;
  logger: Logger;
  metrics?: CommandMetrics;
}

/** A socket event handler as the dispatcher calls it: with the raw, untrusted arguments. */
export type SocketHandler = (socket: RundeSocket, event: string, args: unknown[], deps: HandlerDeps) => Promise<void>;

type AckFn = (result: Ack<unknown>) => void;

/**
 * Splits raw socket arguments into the payload and the ack. A client may send anything: no
 * arguments, several, a non-function where the ack belongs. Exactly one payload is accepted.
 */
export function splitArgs(args: unknown[]): { payloadArgs: unknown[]; ack: AckFn | undefined } {
  const last = args.at(-1);
  if (typeof last !== 'function') return { payloadArgs: args, ack: undefined };
  // Socket.IO's own ack function: it serialises what it is given and sends it back.
  return { payloadArgs: args.slice(0, -1), ack: last as AckFn };
}

export interface HandlerOptions {
  /**
   * Whether a projector (admitted by the read-only grant) may send this: only what reads what it
   * may see anyway (`session:sync`, `time:ping`). Everything else is parsed and then refused.
   */
  forProjector?: boolean;
}

/**
 * The one wrapper around every socket command: rate limit → ack present → zod parse → projector
 * refused → handler → exactly one ack. Expected failures are acks; anything thrown becomes
 * `unavailable`/`internal` with a logged id. Nothing here throws to Socket.IO, so one bad message
 * affects only its sender.
 */
export function defineHandler<S extends z.ZodType>(
  schema: S,
  handle: (payload: z.output<S>, ctx: HandlerContext) => Promise<Ack<unknown>>,
  options: HandlerOptions = {},
): SocketHandler {
  return async (socket, event, args, { withinBudget, logger, metrics }) => {
    const started = performance.now();
    const { payloadArgs, ack } = splitArgs(args);
    const { sessionId, participantId } = socket.data;
    let answered = false;
    let code = 'ok';
    let commandId: string | undefined;
    const respond = (result: Ack<unknown>) => {
      if (answered) return;
      answered = true;
      // `event` is a name of the dispatcher's table, so the label's values are bounded.
      metrics?.observeAck(event, (performance.now() - started) / 1000);
      if (!result.ok) {
        code = result.error.code;
        metrics?.countError(code);
      }
      try {
        ack?.(result);
      } catch (err) {
        logger.warn({ event, sessionId, err }, 'ack failed');
      }
    };
    try {
      if (!(await withinBudget(socket))) {
        respond(fail(ErrorCode.rateLimited, 'Too many requests. Please slow down.'));
        return;
      }
      // Commands are acknowledged by contract; without an ack the sender could never learn the
      // outcome, so such a message is malformed and changes nothing.
      if (!ack) {
        code = 'missing_ack';
        return;
      }
      if (payloadArgs.length !== 1 && payloadArgs.length !== 2) {
        respond(fail(ErrorCode.invalidPayload, 'Send one payload object, the command id and an acknowledgement.'));
        return;
      }
      const meta = payloadArgs.length === 2 ? commandMetaSchema.safeParse(payloadArgs[1]) : undefined;
      if (meta && !meta.success) {
        respond(fail(ErrorCode.invalidPayload, 'The command id is not valid.', payloadIssues(meta.error)));
        return;
      }
      const parsed = schema.safeParse(payloadArgs[0]);
      if (!parsed.success) {
        respond(fail(ErrorCode.invalidPayload, 'The payload is not valid.', payloadIssues(parsed.error)));
        return;
      }
      // After the parse, so a projector hears the same `invalid_payload` as anyone for a bad frame;
      // before the handler, so nothing it sends reaches the rules or the store.
      if (socket.data.viewer === 'projector' && !options.forProjector) {
        respond(fail(ErrorCode.forbidden, 'A projector only shows the meeting; it cannot change anything.'));
        return;
      }
      commandId = meta?.data.commandId;
      respond(await handle(parsed.data, { socket, sessionId, participantId, respond, commandId }));
    } catch (err) {
      respond({ ok: false, error: toAppError(err, logger, { event, sessionId }) });
    } finally {
      logger.debug(
        { event, sessionId, participantId, commandId, code, ms: Math.round(performance.now() - started) },
        'command',
      );
    }
  };
}
