/**
 * How a device retries after losing its socket (socket.io-client's backoff, shared by the web app
 * and the benchmark clients so the benchmark measures what phones do). Socket.IO's own defaults
 * (1 s doubling to 5 s) leave a room waiting up to 6 s more after a restarted node is back;
 * starting at half a second and stopping at 3 s brings phones back sooner, and the ± 50 % spread
 * keeps a room of them from arriving in one burst.
 */
export const RECONNECT_BACKOFF = {
  reconnectionDelay: 500,
  reconnectionDelayMax: 3_000,
  randomizationFactor: 0.5,
} as const;
