/** A Socket.IO frame is a packet type digit, maybe an ack id, then JSON. */
export function parseFrame(frame: string): unknown {
  const json = frame.replace(/^\d+/, '');
  return json === '' ? null : (JSON.parse(json) as unknown);
}

/** Every place a string equal to `needle` occurs in a parsed frame, as a path like `[1].state.participants[0].id`. */
export function pathsOf(value: unknown, needle: string, path = ''): string[] {
  if (value === needle) return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => pathsOf(item, needle, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => pathsOf(item, needle, `${path}.${key}`));
  }
  return [];
}

/**
 * Every object anywhere in a parsed frame that has all of `keys`, found by shape rather than by
 * where the protocol puts it today: `['voterId', 'topicId']` finds every dot, in pushes, sync
 * answers, snapshots and events not yet invented.
 */
export function objectsWith(value: unknown, keys: readonly string[]): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap((item) => objectsWith(item, keys));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const nested = Object.values(record).flatMap((item) => objectsWith(item, keys));
  return keys.every((key) => Object.hasOwn(record, key)) ? [record, ...nested] : nested;
}
