import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RequestHandler } from 'express';

/**
 * The built SvelteKit app (adapter-node), served by this same process when present. The release
 * (scripts/buildRelease.mjs) bundles this file into server/dist/main.js beside web/build, so the
 * same relative path finds it there as from server/src in the repository.
 */
const webHandlerUrl = new URL('../../web/build/handler.js', import.meta.url);

/** Loads the built web app's request handler, or `undefined` when the web app has not been built. */
export async function loadWebHandler(): Promise<RequestHandler | undefined> {
  if (!existsSync(fileURLToPath(webHandlerUrl))) return undefined;
  const module: unknown = await import(webHandlerUrl.href);
  const handler = typeof module === 'object' && module !== null && 'handler' in module ? module.handler : undefined;
  if (typeof handler !== 'function') throw new Error('web/build/handler.js does not export a handler');
  return handler as RequestHandler;
}
