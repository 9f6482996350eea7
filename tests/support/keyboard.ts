import type { BrowserContext, Page } from 'playwright-core';

/** The ARIA roles the keyboard tests move to. */
export type FocusRole = 'button' | 'textbox' | 'radio' | 'link' | 'checkbox' | 'combobox';

/**
 * Presses Tab (or Shift+Tab) until the focused element is the one with this role and accessible
 * name, as a keyboard user would; at most `max` presses. Does not press at all when it already has
 * the focus. Fails with what had the focus instead, so an unreachable control is easy to find.
 */
export async function tabTo(
  page: Page,
  role: FocusRole,
  name: string,
  { backwards = false, max = 80 }: { backwards?: boolean; max?: number } = {},
): Promise<void> {
  const target = page.getByRole(role, { name, exact: true });
  await target.first().waitFor();
  const visited: string[] = [];
  for (let presses = 0; presses <= max; presses += 1) {
    if (await target.evaluateAll((elements) => elements.some((element) => element === document.activeElement))) return;
    if (presses < max) {
      await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      visited.push(await describeFocus(page));
    }
  }
  throw new Error(
    `${role} "${name}" not reached with ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}; focus went to:\n  ${visited.join('\n  ')}`,
  );
}

/**
 * Records in each page of the context every time the focus falls to the body without a person
 * moving it: the focused element was taken out of the document (a re-render), moved (a keyed list
 * reordering its nodes blurs them), disabled, or hidden. A keyboard user would suffer each of these
 * too, so a focus check that finds the body can say what was lost, where, and why.
 */
export async function watchFocusLoss(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const lost: string[] = [];
    Object.assign(window, { __rundeFocusLost: lost });
    const describe = (element: Element) => {
      const label = element.getAttribute('aria-label') ?? element.textContent ?? '';
      return `${element.tagName.toLowerCase()} "${label.trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
    };
    // Chromium does not always send focusout for a removed element: watch the document as well.
    let focused: Element | null = null;
    document.addEventListener('focusin', (event) => {
      focused = event.target instanceof Element ? event.target : null;
    });
    new MutationObserver(() => {
      if (focused && !focused.isConnected) {
        lost.push(`${describe(focused)} (removed)`);
        focused = null;
      }
    }).observe(document, { subtree: true, childList: true });
    document.addEventListener(
      'focusout',
      (event) => {
        const element = event.target;
        // Focus moving to another element, or the window losing focus, is no loss.
        if (!(element instanceof Element) || event.relatedTarget !== null || !document.hasFocus()) return;
        // Decide after the current task: removal and disabling blur synchronously, before the DOM settles.
        queueMicrotask(() => {
          if (document.activeElement !== document.body && document.activeElement !== null) return;
          if (focused !== element) return; // filed already by the observer
          focused = null;
          const why = !element.isConnected
            ? 'removed'
            : (element as HTMLButtonElement).disabled || element.closest('fieldset:disabled')
              ? 'disabled'
              : element.getClientRects().length === 0
                ? 'hidden'
                : 'moved or blurred';
          lost.push(`${describe(element)} (${why})`);
        });
      },
      true,
    );
  });
}

/** A short description of the focused element, for failure messages. */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) {
      const lost = (window as unknown as { __rundeFocusLost?: string[] }).__rundeFocusLost ?? [];
      // The latest losses: earlier ones were expected (a closed topic's button goes with it).
      return lost.length > 0 ? `(body; focus fell from: ${lost.slice(-3).join(', ')})` : '(body)';
    }
    const label =
      element.getAttribute('aria-label') ??
      (element as HTMLInputElement).labels?.[0]?.textContent ??
      element.textContent ??
      '';
    return `${element.tagName.toLowerCase()} "${label.trim().replace(/\s+/g, ' ').slice(0, 60)}"`;
  });
}

/**
 * Whether the focused element shows that it has the focus: an outline on the element itself, or
 * on the label that draws a visually hidden radio or checkbox. Only outlines count: the app draws
 * focus with them (they survive forced-colors modes), and cards carry box shadows anyway.
 */
export function hasVisibleFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return false;
    const shows = (candidate: Element | null) => {
      if (!candidate) return false;
      const style = getComputedStyle(candidate);
      return (
        style.outlineStyle !== 'none' &&
        parseFloat(style.outlineWidth) >= 2 &&
        style.outlineColor !== 'rgba(0, 0, 0, 0)'
      );
    };
    return shows(element) || shows(element.closest('label'));
  });
}
