import {
  ErrorCode,
  fail,
  joinCodeSchema,
  normalizeJoinCode,
  type CreateSessionResponse,
  type DecideContext,
  type KindEvent,
} from '@runde/shared';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { payloadIssues } from '../failures.ts';
import { openFreshSession, type FreshSessionDeps } from '../session/freshSession.ts';
import { notFound, sendError } from './httpErrors.ts';
import { publicUrlFor, sessionLinks } from './publicUrl.ts';

/** Parses a body, or answers 400 with the issues (paths and kinds only) and returns undefined. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request, res: Response): z.output<S> | undefined {
  const parsed = schema.safeParse(req.body);
  if (parsed.success) return parsed.data;
  sendError(res, fail(ErrorCode.invalidPayload, 'The request is not valid.', payloadIssues(parsed.error)).error);
  return undefined;
}

/** The session id from the URL, forgiving about case and dashes; undefined (answered 404) if it cannot be one. */
export function sessionIdFrom(req: Request, res: Response, what = 'session'): string | undefined {
  const raw = req.params.code;
  const code = typeof raw === 'string' ? normalizeJoinCode(raw) : '';
  if (joinCodeSchema.safeParse(code).success) return code;
  sendError(res, notFound(what));
  return undefined;
}

export interface OpenSessionDeps extends FreshSessionDeps {
  publicUrl: string | undefined;
  logger: Logger;
}

/**
 * Opens a session of any kind under a fresh join code and answers 201: the facilitator's seat, a
 * join link to share, and a private facilitator link (the kind says where they lead). `open`
 * gives the opening events for a code.
 */
export async function openSession(
  deps: OpenSessionDeps,
  req: Request,
  res: Response,
  open: (code: string, ctx: Omit<DecideContext, 'actor'>) => KindEvent[],
  deviceLabel?: string,
): Promise<void> {
  const opened = await openFreshSession(deps, open, true, deviceLabel);
  if (!opened?.secrets) {
    deps.logger.error('no free join code after several attempts');
    sendError(res, fail(ErrorCode.unavailable, 'Could not start a session right now. Please try again.').error);
    return;
  }
  const base = publicUrlFor(req, deps.publicUrl);
  const response: CreateSessionResponse = {
    sessionId: opened.code,
    participantId: opened.facilitatorId,
    token: opened.secrets.token,
    joinCode: opened.code,
    ...sessionLinks(base, opened.state.kind, opened.code, opened.secrets.key),
  };
  res.status(201).json(response);
}
