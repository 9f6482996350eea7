/** A page's live client, once it has one. */
export interface LiveClientHandle<C> {
  readonly current: C | null;
}

/**
 * Opens the page's live client in an effect and destroys it when the page goes (or opens another
 * when what `open` reads changes): only in the browser, after the page has mounted. Runs an effect,
 * so it is called while a component initialises.
 */
export function openLiveClient<C extends { destroy(): void }>(open: () => C): LiveClientHandle<C> {
  let client = $state.raw<C | null>(null);
  $effect(() => {
    const opened = open();
    client = opened;
    return () => opened.destroy();
  });
  return {
    get current() {
      return client;
    },
  };
}
