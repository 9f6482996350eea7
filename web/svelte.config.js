import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // The express server mounts the built handler; the app itself renders in the browser.
    adapter: adapter({ out: 'build' }),
  },
};

export default config;
