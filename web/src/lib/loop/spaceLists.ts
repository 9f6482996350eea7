/** A copy of `list` with the item at `index` swapped with its neighbour; unchanged at either end. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  const copy = [...list];
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return copy;
  [copy[index], copy[target]] = [copy[target] as T, copy[index] as T];
  return copy;
}

/** A copy of `list` without the item at `index`. */
export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/**
 * `list` with the typed `draft` added at the end, trimmed; undefined when the draft is blank or
 * the list already holds `max` items (the server refuses more, so the form does not offer it).
 */
export function appendDraft(list: readonly string[], draft: string, max: number): string[] | undefined {
  const text = draft.trim();
  if (!text || list.length >= max) return undefined;
  return [...list, text];
}

/** A list's "new item" field: Enter adds the item instead of submitting the whole form around the list. */
export function addOnEnter(add: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };
}
