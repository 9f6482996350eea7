import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // The express server mounts the built handler; the app itself renders in the browser.
    adapter: adapter({ out: 'build' }),
    // The pages' Content-Security-Policy header. SvelteKit adds the hash of the one inline script
    // it writes (the bootstrap that imports the app); every other script, style, icon and request
    // comes from this origin. No 'unsafe-inline' anywhere: the app sets styles only through the
    // CSSOM (Svelte's `style:` directives), which CSP does not govern, and uses no transitions
    // (they would inject <style> elements); app.html has a class, not a style attribute. Downloads are blob: links, which no fetch directive
    // covers; the QR code is inline SVG markup; the timer's beep is an oscillator, not a media file.
    // The server adds the other security headers (server/src/http/securityHeaders.ts) and a
    // stricter policy for everything that is not a page.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['none'],
        'script-src': ['self'],
        'style-src': ['self'],
        // The one style attribute in markup: SvelteKit's route announcer (the live region that reads
        // a new page's title after client-side navigation) is visually hidden by an inline style
        // in its generated root component. Allowed by its exact hash, nothing else; should a
        // SvelteKit update change that text, the browser tests report the violation.
        'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
        'img-src': ['self'],
        'font-src': ['self'],
        // The API and the socket: 'self' covers ws: and wss: to the same host.
        'connect-src': ['self'],
        'manifest-src': ['self'],
        'base-uri': ['none'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;
