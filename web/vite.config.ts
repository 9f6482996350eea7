import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// In development the API and the socket live in the server process on port 3000.
const api = 'http://localhost:3000';

export default defineConfig({
  plugins: [sveltekit()],
  build: {
    rollupOptions: {
      output: {
        // Svelte's runtime in one chunk: split by use, it came as a dozen sub-kilobyte files that each
        // cost a request and compress worse alone (5 KB gzipped more on the way to a board).
        manualChunks: (id) => (id.includes('/node_modules/svelte/src/') ? 'svelte' : undefined),
      },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
