// SvelteKit's App namespace needs no additions: the app renders in the browser and keeps no locals.
export {};
