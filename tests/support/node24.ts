import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** The Node major Runde promises (package.json engines, .nvmrc, the Docker image). */
export const PROMISED_NODE_MAJOR = 24;

/**
 * A Node 24 binary: this process's when it is one, else the one `npx -y node@24` fetches from the npm
 * registry (as .ci/run does), so a release is tried on the runtime it ships with even on an older machine.
 */
export async function node24Binary(): Promise<string> {
  if (Number(process.versions.node.split('.')[0]) === PROMISED_NODE_MAJOR) return process.execPath;
  const { stdout } = await promisify(execFile)('npx', ['-y', `node@${PROMISED_NODE_MAJOR}`, '-p', 'process.execPath'], {
    timeout: 300_000,
  });
  return stdout.trim();
}
