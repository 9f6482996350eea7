// `npm run screenshots`: retakes every picture in docs/screenshots and prints how far each is from its committed
// version. Starts the app on a free port with the in-memory store, drives Chromium through the scenes of
// tests/screenshots, and stops the app again. Names given (e.g. `phone-join.png`) retake only those files.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT, ensureInstalled, ensureWebBuild, say } from './lib/bootstrap.mjs';
import { freePort } from './lib/freePort.mjs';

/** The tsx CLI of the server package, run with this Node so no shell shim is involved. */
function tsxCli() {
  const packageDir = join(ROOT, 'server', 'node_modules', 'tsx');
  const { bin } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  return join(packageDir, typeof bin === 'string' ? bin : bin.tsx);
}

/**
 * The pages print their own address (the join hint, the projector's corner), so the committed pictures show
 * 127.0.0.1:4201: that port when it is free, so those texts match; any free port otherwise.
 */
const PICTURED_PORT = 4201;
function picturedPortIfFree() {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', () => resolve(null));
    probe.listen(PICTURED_PORT, '127.0.0.1', () => probe.close(() => resolve(PICTURED_PORT)));
  });
}

/** Resolves once the server answers; rejects when it exits first. */
async function answering(url, server) {
  let exited = false;
  server.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error('the app exited before it answered');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function exitCode(child) {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * The test identity provider in a process of its own, with the app's callback registered, so the
 * sign-in scenes have single sign-on; resolves to the app's OIDC_* settings for it.
 */
function startIdentityProvider(appUrl) {
  const provider = spawn(process.execPath, [tsxCli(), 'tests/screenshots/oidcProviderProcess.ts', appUrl], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const settings = new Promise((resolve, reject) => {
    let out = '';
    provider.once('exit', () => reject(new Error('the identity provider exited before it answered')));
    provider.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      const { issuer, clientId, clientSecret } = JSON.parse(line);
      resolve({
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: clientId,
        OIDC_CLIENT_SECRET: clientSecret,
        OIDC_LABEL: 'Stadt-Login',
        OIDC_SCOPES: 'openid profile groups',
        PUBLIC_URL: appUrl,
      });
    });
  });
  return { provider, settings };
}

async function main() {
  await ensureInstalled();
  await ensureWebBuild();
  const port = (await picturedPortIfFree()) ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const { REDIS_URL: _ignored, ...env } = process.env;
  const identity = startIdentityProvider(url);
  const server = spawn(process.execPath, [tsxCli(), 'server/src/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    // No REDIS_URL: the in-memory store, so no run leaves keys behind.
    env: { ...env, ...(await identity.settings), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  });
  const stop = () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    if (identity.provider.exitCode === null && identity.provider.signalCode === null) identity.provider.kill('SIGTERM');
  };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => process.exit(130));
  try {
    await answering(url, server);
    say(`app on ${url}; retaking screenshots`);
    const started = Date.now();
    const take = spawn(process.execPath, [tsxCli(), 'tests/screenshots/take.ts', ...process.argv.slice(2)], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, RUNDE_URL: url },
    });
    const code = await exitCode(take);
    say(`done in ${Math.round((Date.now() - started) / 1000)} s`);
    return code;
  } finally {
    stop();
    if (server.exitCode === null && server.signalCode === null) await exitCode(server);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`npm run screenshots failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
