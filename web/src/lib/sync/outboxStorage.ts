import type { KindCommandType, OutboxStorage, QueuedCommand } from '@runde/shared/client';

const keyPrefix = 'runde:outbox:';

/**
 * The key of one seat's queue: per session and per participant, so two seats on one device (a
 * facilitator testing on a second tab) keep their own. Only ids: the seat's token stays where
 * the seat is stored, never twice.
 */
export function outboxKey(sessionId: string, participantId: string): string {
  return `${keyPrefix}${sessionId}:${participantId}`;
}

/** Command names are `noun:verb`; the schemas themselves stay on the server, which parses every payload. */
const commandName = /^[a-z-]+:[a-z-]+$/;

function isQueuedCommand(value: unknown): value is QueuedCommand & { type: KindCommandType } {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.commandId === 'string' &&
    typeof entry.type === 'string' &&
    commandName.test(entry.type) &&
    typeof entry.queuedAt === 'number' &&
    'payload' in entry
  );
}

/**
 * The queue in the browser's local storage, so it outlives a reload or a closed tab. What it
 * reads back is checked by shape only; the server parses every payload anyway. Storage that is
 * full, disabled or private-mode-limited degrades to keeping the queue for this page only.
 */
function defaultStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Some privacy settings throw on the mere access.
    return undefined;
  }
}

export function localOutboxStorage(key: string, storage: Storage | undefined = defaultStorage()): OutboxStorage {
  return {
    load() {
      try {
        const raw = storage?.getItem(key);
        const parsed: unknown = raw ? JSON.parse(raw) : [];
        return Array.isArray(parsed) ? parsed.filter(isQueuedCommand) : [];
      } catch {
        return [];
      }
    },
    save(entries) {
      try {
        if (entries.length === 0) storage?.removeItem(key);
        else storage?.setItem(key, JSON.stringify(entries));
      } catch {
        // Quota or privacy settings: the page still holds the queue while it is open.
      }
    },
  };
}
