// Stylesheets a page loaded without the code they style. SvelteKit links the CSS of a route's lazily imported
// screens eagerly when it thinks the server renders them; Runde never renders on the server, so every such file
// is bytes and a request a phone pays for a screen it may never open (it happened: 5 kB of meeting CSS on the
// team space's join page). Read from Vite's client manifest, which says which chunk each stylesheet belongs to.
import { readFileSync } from 'node:fs';

interface ManifestChunk {
  file: string;
  css?: string[];
}

/** Vite's client manifest of the current build. */
export function readClientManifest(path: string | URL): Record<string, ManifestChunk> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
}

/** The stylesheets among `loaded` (URLs) whose chunks were not loaded; a stylesheet no chunk claims is not counted. */
export function orphanStylesheets(manifest: Record<string, ManifestChunk>, loaded: string[]): string[] {
  const paths = new Set(loaded.map((url) => new URL(url).pathname.replace(/^\//, '')));
  const owners = new Map<string, string[]>();
  for (const chunk of Object.values(manifest)) {
    for (const css of chunk.css ?? []) owners.set(css, [...(owners.get(css) ?? []), chunk.file]);
  }
  return [...paths].filter((path) => {
    const chunks = owners.get(path);
    return chunks !== undefined && !chunks.some((file) => paths.has(file));
  });
}
