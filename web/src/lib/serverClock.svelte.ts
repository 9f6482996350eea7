/** Anything that knows the server's time, such as a live session. */
interface ServerTimeSource {
  serverNow(): number;
}

/** How often displayed times refresh: four times a second keeps the seconds exact without drift. */
const tickMs = 250;

/**
 * The server's time as this device estimates it, refreshed while the calling component lives.
 * Every displayed duration is computed afresh from it and the state (`endsAt`, `discussingSince`),
 * never counted down, so a slow or sleeping device cannot drift.
 */
export function serverClock(room: () => ServerTimeSource): { readonly now: number } {
  let now = $state(room().serverNow());
  $effect(() => {
    const client = room();
    const id = setInterval(() => (now = client.serverNow()), tickMs);
    return () => clearInterval(id);
  });
  return {
    get now() {
      return now;
    },
  };
}
