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
 * Records in each page of the context when the focused element is taken out of the document (a
 * re-render that a keyboard user would suffer too), so a focus check that finds the body can say
 * what was lost and where.
 */
export async function watchFocusLoss(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    let focused: Element | null = null;
    const lost: string[] = [];
    Object.assign(window, { __rundeFocusLost: lost });
    document.addEventListener('focusin', (event) => {
      focused = event.target instanceof Element ? event.target : null;
    });
    new MutationObserver(() => {
      if (focused && !focused.isConnected) {
        const label = focused.getAttribute('aria-label') ?? focused.textContent ?? '';
        lost.push(`${focused.tagName.toLowerCase()} "${label.trim().replace(/\s+/g, ' ').slice(0, 40)}"`);
        focused = null;
      }
    }).observe(document, { subtree: true, childList: true });
  });
}

/** A short description of the focused element, for failure messages. */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) {
      const lost = (window as unknown as { __rundeFocusLost?: string[] }).__rundeFocusLost ?? [];
      return lost.length > 0 ? `(body; removed while focused: ${lost.join(', ')})` : '(body)';
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
