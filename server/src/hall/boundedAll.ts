/**
 * Runs `task` for every item with at most `limit` running at once, and resolves when all have
 * settled. A hall's 250 tables are relayed 16 at a time: the store and the event loop stay free
 * for everyone else's commands meanwhile. Failures are the task's own to report.
 */
export async function boundedAll<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await task(item).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
