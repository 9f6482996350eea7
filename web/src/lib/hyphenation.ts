import { guessContentLanguage } from './contentLanguage.ts';

/**
 * German compounds ("Jugendhilfeplanungsausschusssitzung") must break at syllables with a hyphen
 * shown, never mid-syllable. CSS `hyphens: auto` does that where the browser has dictionaries, but
 * Chromium builds without component updates (Debian's, locked-down municipal laptops) have none.
 * There, this module puts soft hyphens into the German words that do not fit their line, using the
 * `hyphen` package's German patterns; English words ("accountabilities" in a board column) get the
 * English ones. Each language's patterns (a separate chunk) load only when such a word is on
 * screen, so most visits never download them.
 *
 * It also gives a participant's text its own `lang` when it is clearly in the other language than
 * the interface (see `contentLanguage.ts`), so hyphenation and screen readers follow the text.
 */
/**
 * Words shorter than this fit any line Runde draws; a run of letters, so soft hyphens end it.
 * Seven, not ten: "sideways" did not fit a third of a 360 px phone beside two other thumbs.
 */
const LONG_WORD = '\\p{L}{7,}';
/** A fresh expression each time: a shared global one carries `lastIndex` from one text to the next. */
const longWords = () => new RegExp(LONG_WORD, 'gu');
const hasLongWord = (text: string) => new RegExp(LONG_WORD, 'u').test(text);
const GUESSED = 'data-lang-guessed';
/** Set on <html> while patterns load or words are being hyphenated: tests wait for it to go. */
const BUSY = 'data-hyphenating';

type Hyphenate = (word: string) => string;

/** The languages Runde speaks; each has its patterns in a chunk of its own, loaded when first needed. */
type PatternLanguage = 'de' | 'en';

const patternLanguage = (lang: string): PatternLanguage | undefined =>
  lang.startsWith('de') ? 'de' : lang.startsWith('en') ? 'en' : undefined;

function loadPatterns(language: PatternLanguage): Promise<Hyphenate> {
  const patterns = language === 'de' ? import('hyphen/de-1996') : import('hyphen/en-us');
  return patterns.then((module) => (word: string) => module.default.hyphenateSync(word));
}

/** Whether this browser hyphenates German by itself: a long word in a narrow box then takes several lines. */
function hyphenatesNatively(): boolean {
  const probe = document.createElement('div');
  probe.lang = 'de';
  probe.textContent = 'Jugendhilfeplanungsausschusssitzung';
  Object.assign(probe.style, {
    position: 'absolute',
    visibility: 'hidden',
    width: '5em',
    fontSize: '16px',
    lineHeight: '20px',
    hyphens: 'auto',
    overflowWrap: 'normal',
  });
  document.body.append(probe);
  const lines = probe.offsetHeight / 20;
  probe.remove();
  return lines > 1.5;
}

const skipped = 'textarea, input, select, script, style, pre, code, [contenteditable]';

/** The language that applies to a text: the nearest `lang` above it. */
const languageOf = (element: Element) => element.closest('[lang]')?.getAttribute('lang') ?? '';

/** Right edge of the content box the text lays out in (inline parents take their block's). */
function lineEnd(element: Element): number {
  let block: Element | null = element;
  while (block && getComputedStyle(block).display.startsWith('inline') && block.parentElement) {
    block = block.parentElement;
  }
  const target = block ?? element;
  const style = getComputedStyle(target);
  return target.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
}

/** Whether a word of this text is on two lines or runs past its line's end. */
function hasWordTooWide(node: Text, end: number): boolean {
  const range = document.createRange();
  for (const match of node.data.matchAll(longWords())) {
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
    const first = rects[0];
    if (!first) continue;
    if (rects.some((rect) => Math.abs(rect.top - first.top) > first.height / 2)) return true;
    // A long word can also widen its own box past the screen (a grid item sized to its content).
    if (rects.some((rect) => rect.right > Math.min(end, document.documentElement.clientWidth) + 0.5)) return true;
  }
  return false;
}

/**
 * Starts watching `root`; returns a function that stops. Work happens in the mutation callback
 * (after Svelte's changes, before paint) and on resize, and only for texts with long words.
 */
export function startHyphenation(root: HTMLElement): () => void {
  const native = hyphenatesNatively();
  const hyphenators = new Map<PatternLanguage, Hyphenate>();
  const loading = new Map<PatternLanguage, Promise<Hyphenate>>();
  const waiting = new Map<PatternLanguage, Set<Text>>();

  /** Marks a participant's text with its language when it differs from what surrounds it. */
  const guessLanguage = (node: Text, parent: Element) => {
    if (parent === document.documentElement) return;
    // The element's own text, which may be several text nodes ("☐ " and the action), but never
    // an element holding others: their texts have languages of their own.
    if (parent.firstElementChild || parent.textContent?.trim() === '') return;
    if (parent.hasAttribute('lang') && !parent.hasAttribute(GUESSED)) return;
    const guess = guessContentLanguage(parent.textContent ?? node.data);
    const around = parent.parentElement ? languageOf(parent.parentElement) : '';
    if (guess && !around.startsWith(guess)) {
      parent.setAttribute('lang', guess);
      parent.setAttribute(GUESSED, '');
    } else if (parent.hasAttribute(GUESSED)) {
      parent.removeAttribute('lang');
      parent.removeAttribute(GUESSED);
    }
  };

  const apply = (node: Text, hyphenator: Hyphenate) => {
    // Addresses keep their letters as typed: a soft hyphen in a URL would be copied with it.
    const text = node.data.replace(/\S+/g, (token) =>
      /^(?:https?:\/\/|www\.)/.test(token) ? token : token.replace(longWords(), (word) => hyphenator(word)),
    );
    if (text !== node.data) node.data = text;
  };

  const settle = () => {
    if (waiting.size === 0) document.documentElement.removeAttribute(BUSY);
  };

  const hyphenateLater = (node: Text, language: PatternLanguage) => {
    const queue = waiting.get(language) ?? new Set<Text>();
    queue.add(node);
    waiting.set(language, queue);
    document.documentElement.setAttribute(BUSY, '');
    if (loading.has(language)) return;
    const load = loadPatterns(language);
    loading.set(language, load);
    void load.then(
      (hyphenator) => {
        hyphenators.set(language, hyphenator);
        for (const text of waiting.get(language) ?? []) if (text.isConnected) apply(text, hyphenator);
        waiting.delete(language);
        settle();
      },
      () => {
        // Offline before the patterns came: the words keep breaking where the browser breaks them.
        loading.delete(language);
        waiting.delete(language);
        settle();
      },
    );
  };

  const visit = (node: Text) => {
    const parent = node.parentElement;
    if (!parent || !node.isConnected || parent.closest(skipped)) return;
    guessLanguage(node, parent);
    const language = patternLanguage(languageOf(parent));
    if (native || !language || !hasLongWord(node.data)) return;
    // Visually hidden texts (live announcements) sit in 1 px boxes: they are read, not laid out.
    if (parent.getBoundingClientRect().width < 4) return;
    if (!hasWordTooWide(node, lineEnd(parent))) return;
    const hyphenator = hyphenators.get(language);
    if (hyphenator) apply(node, hyphenator);
    else hyphenateLater(node, language);
  };

  const visitAll = (from: Node) => {
    if (from instanceof Text) {
      visit(from);
      return;
    }
    const walker = document.createTreeWalker(from, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) visit(node as Text);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') visitAll(record.target);
      else for (const added of record.addedNodes) visitAll(added);
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  const onResize = () => visitAll(root);
  window.addEventListener('resize', onResize);
  visitAll(root);
  return () => {
    observer.disconnect();
    window.removeEventListener('resize', onResize);
  };
}
