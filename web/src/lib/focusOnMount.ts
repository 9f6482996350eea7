/**
 * Svelte action: focuses the field when it appears, for forms that open in place of what was
 * clicked (editing a topic or a note, merging), so keyboard and screen-reader users land in them.
 */
export function focusOnMount(node: HTMLElement): void {
  node.focus();
}
