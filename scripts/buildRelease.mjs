// `node scripts/buildRelease.mjs <outDir>`: what production runs, and nothing else. The Dockerfile's build stage
// runs this same script, so what the tests start here is what the image ships.
//
//   <outDir>/package.json        the release manifest: production dependencies, `npm start` = node server/dist/main.js
//   <outDir>/node_modules/       production dependencies only (pnpm deploy --prod, from the workspace lockfile)
//   <outDir>/server/dist/main.js the server as one JavaScript file (shared inlined, npm packages external) + sourcemap
//   <outDir>/web/build/          the SvelteKit app (adapter-node), self-contained
//
// server/dist and web/build sit where server/src and web/build sit in the repository, so the server finds the web
// app by the same relative path in both (server/src/webHandler.ts).
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { ROOT, ensureInstalled, ensureWebBuild, runPnpm, say } from './lib/bootstrap.mjs';

/** Packages that run code at development time only; finding one in the output means a dev dependency leaked. */
const DEV_ONLY_PACKAGES = ['tsx', 'typescript', 'vitest', 'vite', 'esbuild', 'playwright-core', 'svelte'];
const NODE_MAJOR = 24;

/** Disk use of a directory as du counts it (allocated blocks), symlinks counted as links, not followed. */
function sizeOf(path) {
  const stats = lstatSync(path);
  let total = stats.blocks * 512;
  if (!stats.isDirectory()) return total;
  for (const entry of readdirSync(path)) total += sizeOf(join(path, entry));
  return total;
}

function megabytes(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Every directory under node_modules (pnpm's .pnpm store included) named like one of `names`. */
function findPackages(nodeModules, names) {
  const found = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = join(dir, entry.name);
      // .pnpm holds `<name>@<version>/node_modules/<name>`; the inner directory carries the plain name.
      if (names.includes(entry.name)) found.push(path);
      visit(path);
    }
  };
  if (existsSync(nodeModules)) visit(nodeModules);
  return found;
}

/** The server's own dependencies stay npm packages; everything else it imports (shared) goes into the bundle. */
async function bundleServer(outDir, serverManifest) {
  const external = Object.keys(serverManifest.dependencies ?? {}).flatMap((name) => [name, `${name}/*`]);
  const outfile = join(outDir, 'server', 'dist', 'main.js');
  const result = await build({
    entryPoints: [join(ROOT, 'server', 'src', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${NODE_MAJOR}`,
    sourcemap: true,
    external,
    metafile: true,
    logLevel: 'warning',
  });
  // A package bundled by accident would run without its own files or version: only workspace code may be inlined.
  const inlinedPackages = Object.keys(result.metafile.inputs).filter(
    (input) => input.includes('node_modules/') && !input.includes('node_modules/@runde/'),
  );
  if (inlinedPackages.length > 0) {
    throw new Error(
      `the server bundle inlined npm code that should be a dependency of server/package.json:\n  ${inlinedPackages.join('\n  ')}`,
    );
  }
  return outfile;
}

/** pnpm deploy writes the server package's own files too; the release keeps only its dependencies. */
async function deployProductionDependencies(outDir, serverManifest) {
  // --legacy: pnpm 10 otherwise wants inject-workspace-packages, a workspace setting that would change the lockfile.
  const code = await runPnpm(['--filter', '@runde/server', 'deploy', '--prod', '--legacy', outDir]);
  if (code !== 0) throw new Error(`pnpm deploy failed (exit code ${code})`);
  for (const entry of readdirSync(outDir)) {
    if (entry !== 'node_modules') rmSync(join(outDir, entry), { recursive: true, force: true });
  }
  const rootManifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const manifest = {
    name: 'runde',
    version: rootManifest.version,
    license: rootManifest.license,
    private: true,
    type: 'module',
    engines: rootManifest.engines,
    scripts: { start: 'node server/dist/main.js' },
    dependencies: serverManifest.dependencies,
  };
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

async function buildRelease(outDir) {
  const started = performance.now();
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    throw new Error(`${outDir} is not empty: give a new or empty directory`);
  }
  mkdirSync(outDir, { recursive: true });
  const serverManifest = JSON.parse(readFileSync(join(ROOT, 'server', 'package.json'), 'utf8'));

  await ensureInstalled();
  await ensureWebBuild();
  say(`release into ${outDir}: production dependencies (pnpm deploy --prod)`);
  await deployProductionDependencies(outDir, serverManifest);
  say('bundling the server (esbuild)');
  const main = await bundleServer(outDir, serverManifest);
  say('copying the web app (web/build)');
  cpSync(join(ROOT, 'web', 'build'), join(outDir, 'web', 'build'), { recursive: true });

  const leaked = findPackages(join(outDir, 'node_modules'), DEV_ONLY_PACKAGES);
  if (leaked.length > 0) {
    throw new Error(`development packages in the release:\n  ${leaked.map((p) => relative(outDir, p)).join('\n  ')}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  say(
    `release built in ${seconds} s: ${megabytes(sizeOf(outDir))} in all, node_modules ${megabytes(
      sizeOf(join(outDir, 'node_modules')),
    )}, web/build ${megabytes(sizeOf(join(outDir, 'web', 'build')))}; start it with 'node ${relative(outDir, main)}'`,
  );
}

const outArg = process.argv[2];
if (!outArg) {
  console.error('usage: node scripts/buildRelease.mjs <outDir>');
  process.exit(2);
}
buildRelease(resolve(outArg)).then(
  () => process.exit(0),
  (error) => {
    console.error(`release build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
