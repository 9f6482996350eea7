import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { messages } from './messages.ts';

/**
 * Checks of what a person sees on any screen, for browser tests that sweep screens, sizes and
 * languages (issue 12): no raw message key, nothing wider than its box or the viewport, and no
 * word broken inside except where a hyphen shows. Each returns readable problems, so one failed
 * sweep lists everything wrong at once.
 */
export interface ScreenCheckOptions {
  /**
   * What the test typed (participants' content): it may look like anything, so the key check
   * skips it. Words of it are still checked for overflow and breaks.
   */
  readonly typed?: readonly string[];
}

/** Arguments handed into the page; plain data only. */
interface InPageArgs {
  readonly typed: readonly string[];
  readonly groups: readonly string[];
}

/** Every top-level group of the catalogs: a raw key starts with one of them. */
const groups = Object.keys(messages.de);

/**
 * Runs inside the page (no closures over test code): returns one line per problem, saying what,
 * where (a short description of the element) and by how much.
 */
function inspect({ typed, groups }: InPageArgs): string[] {
  const problems: string[] = [];
  const viewport = document.documentElement.clientWidth;

  const describe = (element: Element): string => {
    const label = element.getAttribute('aria-label') ?? (element as HTMLElement).innerText ?? '';
    const classes = Array.from(element.classList).slice(0, 2).join('.');
    const name = `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''}`;
    return `<${name} "${label.trim().replace(/\s+/g, ' ').slice(0, 50)}">`;
  };
  const visible = (element: Element) => element.checkVisibility({ visibilityProperty: true });
  /** A box that scrolls sideways on purpose (a wide table in its scroller): what is in it may be wider. */
  const scrolls = (element: Element) => /auto|scroll/.test(getComputedStyle(element).overflowX);
  const scrolling = new Map<Element, boolean>();
  const insideScroller = (element: Element): boolean => {
    const parent = element.parentElement;
    if (!parent || parent === document.body) return false;
    let known = scrolling.get(parent);
    if (known === undefined) {
      known = scrolls(parent) || insideScroller(parent);
      scrolling.set(parent, known);
    }
    return known;
  };
  /** Visually hidden helpers (1 px boxes for screen readers) overflow by design. */
  const tiny = (element: Element) => {
    const rect = element.getBoundingClientRect();
    return rect.width < 4 || rect.height < 4;
  };

  const texts: Text[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !(node as Text).data.trim()) continue;
    if (parent.closest('script, style, template, noscript, textarea')) continue;
    if (!visible(parent) || tiny(parent)) continue;
    texts.push(node as Text);
  }

  // 1. Raw message keys, in text and in what assistive technology reads out.
  const keyPattern = new RegExp(`(?<![\\w./-])(?:${groups.join('|')})(?:\\.[a-zA-Z_]+)+(?![\\w/-])`);
  const withoutContent = (text: string) => {
    let rest = text.replaceAll('\u00ad', '');
    for (const content of typed) rest = rest.split(content).join(' ');
    return rest.replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ');
  };
  const reportKey = (text: string, element: Element) => {
    const found = withoutContent(text).match(keyPattern);
    if (found) problems.push(`raw message key "${found[0]}" in ${describe(element)}`);
  };
  for (const node of texts) if (node.parentElement) reportKey(node.data, node.parentElement);
  for (const element of Array.from(document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt]'))) {
    for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
      const value = element.getAttribute(name);
      if (value) reportKey(value, element);
    }
  }

  // 2. Horizontal overflow: the page itself, and every box whose content is wider than it.
  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth > viewport + 1) problems.push(`page is ${pageWidth} px wide in a ${viewport} px viewport`);
  const overflowing: Element[] = [];
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    if (element.closest('svg') && element.tagName.toLowerCase() !== 'svg') continue;
    if (!visible(element) || insideScroller(element)) continue;
    const style = getComputedStyle(element);
    if (style.display === 'inline' || style.display === 'contents' || style.position === 'fixed') continue;
    if (element.matches('input, textarea, select')) continue;
    // Screen-reader text sits in a clipped 1 px box, wherever its text would have ended.
    if (tiny(element)) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width > 0 && rect.right > viewport + 1) {
      overflowing.push(element);
      problems.push(`${describe(element)} reaches ${Math.round(rect.right)} px in a ${viewport} px viewport`);
      continue;
    }
    if (scrolls(element) || style.textOverflow === 'ellipsis') continue;
    if (element.scrollWidth > element.clientWidth + 1) {
      overflowing.push(element);
      problems.push(`${describe(element)} holds ${element.scrollWidth} px of content in ${element.clientWidth} px`);
    }
  }

  // 3. Words broken inside: a word on two lines must break where a hyphen shows (a soft hyphen
  // the app put at a hyphenation point, or a hyphen or slash of the text itself). URLs may break
  // anywhere: they have no hyphenation points and must still fit a phone.
  // An address is one too when shown without its scheme ("runde.example.de/join", "127.0.0.1:3000/join").
  const address = /^(?:https?:\/\/|www\.|[\w-]+(?:\.[\w-]+)+(?::\d+)?\/)/;
  const lineOf = (rect: DOMRect) => Math.round(rect.top + rect.height / 2);
  const range = document.createRange();
  for (const node of texts) {
    // Most texts sit on one line: nothing in them can be broken.
    range.selectNodeContents(node);
    const lines = Array.from(range.getClientRects()).filter((rect) => rect.width > 0);
    const top = lines[0];
    if (!top || lines.every((rect) => Math.abs(lineOf(rect) - lineOf(top)) <= rect.height / 2)) continue;
    for (const match of node.data.matchAll(/\S+/g)) {
      const word = match[0];
      if (word.length < 2 || address.test(word)) continue;
      const start = match.index;
      range.setStart(node, start);
      range.setEnd(node, start + word.length);
      const rects = Array.from(range.getClientRects()).filter((rect) => rect.width > 0);
      const first = rects[0];
      if (!first) continue;
      const lineHeight = first.height;
      if (!rects.some((rect) => Math.abs(lineOf(rect) - lineOf(first)) > lineHeight / 2)) continue;
      // Walk the letters, marking where the line changes and whether a hyphen shows there.
      let previousLine = lineOf(first);
      let shown = '';
      let bad = false;
      for (let offset = 0; offset < word.length; offset += 1) {
        const letter = word.charAt(offset);
        range.setStart(node, start + offset);
        range.setEnd(node, start + offset + 1);
        // A letter after a soft hyphen's break also reports the shown hyphen at the end of the line
        // before, first: its own box is the last. (The widest was taken once, but a hyphen is wider
        // than an f or an i, so "Schiff-|fahrt" read as broken after the f.)
        const box = Array.from(range.getClientRects())
          .filter((rect) => rect.width > 0)
          .at(-1);
        if (box && Math.abs(lineOf(box) - previousLine) > lineHeight / 2) {
          const before = word.charAt(offset - 1);
          if (!/[-\u00ad/–]/.test(before)) bad = true;
          shown += before === '\u00ad' ? '-|' : '|';
          previousLine = lineOf(box);
        }
        if (letter !== '\u00ad') shown += letter;
      }
      if (bad && node.parentElement) problems.push(`word broken inside: "${shown}" in ${describe(node.parentElement)}`);
    }
  }
  return problems;
}

/**
 * Waits for the layout after a change of size or content: two frames, then the app's hyphenation
 * (it marks the document while it loads patterns or inserts soft hyphens).
 */
export async function settledLayout(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-hyphenating'));
}

/** What is wrong on the page as it is now; empty when all is well. */
export function screenProblems(page: Page, options: ScreenCheckOptions = {}): Promise<string[]> {
  return page.evaluate(inspect, { typed: [...(options.typed ?? [])], groups });
}

/** Fails with every problem on the page, labelled with where the sweep was (screen, size, language). */
export async function expectCleanScreen(page: Page, where: string, options: ScreenCheckOptions = {}): Promise<void> {
  await settledLayout(page);
  expect(await screenProblems(page, options), `problems on ${where}`).toEqual([]);
}

/** The sizes every screen is checked at: two phones, a laptop or small projector, a full-HD projector. */
export const SCREEN_SIZES = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/**
 * Resizes the same page through every size and checks each, collecting every problem with its
 * size, then puts the page back at its starting size. Resizing is cheaper than driving the
 * meeting again per size.
 */
export async function sweepSizes(page: Page, where: string, options: ScreenCheckOptions = {}): Promise<string[]> {
  const start = page.viewportSize();
  const problems: string[] = [];
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize(size);
    await settledLayout(page);
    for (const problem of await screenProblems(page, options)) {
      problems.push(`${where} at ${size.width}×${size.height}: ${problem}`);
    }
  }
  if (start) await page.setViewportSize(start);
  return problems;
}
