/**
 * How often this page has (re)connected to the server. An error that only said "not connected"
 * is stale once this moves on: the controls that showed one read it to let it go by itself.
 */
export const connectivity = $state({ connects: 0 });
