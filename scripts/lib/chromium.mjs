// The one Chromium launch configuration of the repository: the browser tests and the benchmarks start it alike, so a
// figure from the bench and a result from a test come from the same browser setup.

/** Flags for a quiet, deterministic headless Debian Chromium (no sandbox: CI runs as root in a container). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The system Chromium: `CHROMIUM_PATH` (set by `npm test`), or /usr/bin/chromium.
 * @returns {string}
 */
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
