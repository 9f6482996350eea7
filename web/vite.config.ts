import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// In development the API and the socket live in the server process on port 3000.
const api = 'http://localhost:3000';

export default defineConfig({
  plugins: [sveltekit()],
  build: {
    rollupOptions: {
      output: {
        // Svelte's and SvelteKit's runtimes in one chunk each: split by use, they came as a dozen
        // sub-kilobyte files that each cost a request and compress worse alone.
        manualChunks: (id) => {
          if (id.includes('/node_modules/svelte/src/')) return 'svelte';
          if (id.includes('/node_modules/@sveltejs/kit/src/')) return 'kit';
          return undefined;
        },
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
