import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// In development the API and the socket live in the server process on port 3000.
const api = 'http://localhost:3000';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
