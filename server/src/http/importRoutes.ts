import {
  ErrorCode,
  exportKindOf,
  exportKinds,
  kinds,
  type RestoredSession,
  type KindState,
  type CreateSessionResponse,
  type ImportProblem,
  type ImportRefusal,
} from '@runde/shared';
import express, { Router, type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { hashSecret, type IdSource } from '../ids.ts';
import { deviceGrant } from '../session/deviceGrant.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import { sendError } from './httpErrors.ts';
import { publicUrlFor, sessionLinks } from './publicUrl.ts';
import { limitByIp } from './rateLimit.ts';

export interface ImportRouteDeps {
  store: SessionStore;
  clock: () => number;
  ids: IdSource;
  publicUrl: string | undefined;
  /** The budget of session creation: an import creates a session like any other. */
  create: RateLimiterAbstract;
  /** Largest backup file accepted, in bytes. */
  maxBytes: number;
  logger: Logger;
  /** Told of every restored session (written without the command runner): its objection deadlines. */
  restored?: (sessionId: string, version: number, state: KindState) => void;
}

/**
 * A two-year team space exports to well under a megabyte; the largest a space can hold (every
 * archive list full of maximal texts) is far more, and those are refused with `too-large`.
 */
export const DEFAULT_MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const JOIN_CODE_ATTEMPTS = 8;

const messages: Record<ImportProblem['reason'], string> = {
  'not-json': 'The file is not JSON.',
  'not-a-backup': 'The file is not a Runde backup.',
  'unsupported-version': 'This version of the backup format is not supported.',
  'wrong-kind': 'The backup is of another kind of session.',
  'too-large': 'The file is too large.',
  invalid: 'The backup is not valid.',
  'duplicate-id': 'Two entries of the backup share an id.',
  'dangling-reference': 'An entry of the backup refers to something it does not hold.',
  'date-out-of-range': 'A date in the backup is out of range.',
};

function refuse(res: Response, problem: ImportProblem): void {
  const error: ImportRefusal = { code: ErrorCode.invalidPayload, message: messages[problem.reason], problem };
  sendError(res, error, problem.reason === 'too-large' ? 413 : 400);
}

/** What a checked file becomes: the new session's state, its archive, and the seat the importer takes. */
type Restored = RestoredSession<KindState>;

/**
 * `POST /api/imports[?kind=team-space|lean-coffee]`: a backup file (`runde-export`) becomes a NEW session on this installation,
 * under a new join code with a new facilitator key and token; nothing in the file is trusted. The
 * body is read raw (a bad file gets its own typed answer, not body-parser's), parsed by the
 * file's zod schema (which cleans every text as user input is cleaned) and its cross-references
 * checked before anything is written. The importer takes the exporter's seat as facilitator;
 * every other member is kept without a device (they join anew with the join link).
 */
export function importRoutes(deps: ImportRouteDeps): Router {
  const { store, clock, ids } = deps;
  const router = Router();
  const rawBody = express.raw({ type: () => true, limit: deps.maxBytes });

  const tooLarge: ErrorRequestHandler = (err: unknown, _req, res, next) => {
    const type = typeof err === 'object' && err !== null && 'type' in err ? err.type : undefined;
    if (type === 'entity.too.large') refuse(res, { reason: 'too-large' });
    else if (typeof type === 'string' && type.startsWith('entity.')) refuse(res, { reason: 'not-json' });
    else next(err);
  };

  const restore: RequestHandler = async (req, res) => {
    const body: unknown = req.body;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.isBuffer(body) ? body.toString('utf8') : '');
    } catch {
      refuse(res, { reason: 'not-json' });
      return;
    }
    const kind = exportKindOf(json);
    // The page may say which kind it expects; a file of the other kind is then refused by name.
    const expected = exportKinds.find((known) => known === req.query.kind);
    if (expected && kind && kind !== expected) return refuse(res, { reason: 'wrong-kind', expected, found: kind });
    // Anything not plainly another kind is read as a team space, whose header check names the problem.
    const restored = kinds[kind ?? 'team-space'].restoreFrom(json, clock());
    if (!restored.ok) return refuse(res, restored.problem);
    const restoreAs: (id: string) => Restored = restored.value;
    for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt += 1) {
      const code = ids.newJoinCode();
      const { state, archive, facilitatorId } = restoreAs(code);
      const token = ids.newSecret();
      const key = ids.newSecret();
      // Version 0 with no events: the state is the only record of how the session came to be here.
      const created = await store.create(code, {
        events: [],
        state,
        tokens: [deviceGrant(hashSecret(token), facilitatorId, { via: 'join', label: undefined, now: clock() })],
        facilitatorKeys: [{ keyHash: hashSecret(key), participantId: facilitatorId }],
      });
      if (!created) continue;
      if (archive.length > 0) {
        const filed = await store.commit(code, 0, [], state, { archive }).catch(() => null);
        if (!filed?.ok) {
          // Half a space is no restore: take it away again and let the importer retry.
          await store.delete(code).catch(() => false);
          sendError(res, { code: ErrorCode.unavailable, message: 'Could not restore right now. Please try again.' });
          return;
        }
      }
      deps.restored?.(code, 0, state);
      const base = publicUrlFor(req, deps.publicUrl);
      const response: CreateSessionResponse & { kind: KindState['kind'] } = {
        kind: state.kind,
        sessionId: code,
        participantId: facilitatorId,
        token,
        joinCode: code,
        ...sessionLinks(base, state.kind, code, key),
      };
      deps.logger.info({ sessionId: code, kind: state.kind, archived: archive.length }, 'session restored from backup');
      res.status(201).json(response);
      return;
    }
    deps.logger.error('no free join code after several attempts');
    sendError(res, { code: ErrorCode.unavailable, message: 'Could not restore right now. Please try again.' });
  };

  router.post('/imports', limitByIp(deps.create), rawBody, restore, tooLarge);
  return router;
}
