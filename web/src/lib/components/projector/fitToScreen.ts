/**
 * Keeps a projector view on one screen without cutting anything off: when its content (a
 * 140-character topic, eight long objections, a URL) does not fit at full size, every size in the
 * view shrinks together (they are multiples of `--fit`) to the largest scale at which no box
 * clips its content. The room reads smaller type rather than half a sentence. It follows the
 * meeting: a new objection, a takeaway, a resized window or a font that finished loading fits again.
 */

/** The smallest scale tried: well below what long German content at 1280×720 needs. */
const MIN_SCALE = 0.35;
/** Halvings of the range: the scale ends within 1% of the largest that fits. */
const SEARCH_STEPS = 7;

/** Whether a box shows all of its content on both axes (one pixel of rounding allowed). */
export function clipsContent(box: Element): boolean {
  return box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
}

/**
 * The root and every box inside it that hides what overflows it: the boxes that could cut text
 * off. Text for screen readers only (`.visually-hidden`, clipped to nothing on purpose) is not shown.
 */
function clippingBoxes(root: HTMLElement): Element[] {
  return [root, ...root.querySelectorAll('*')].filter((element) => {
    const style = getComputedStyle(element);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') return false;
    return style.getPropertyValue('clip') === 'auto';
  });
}

/**
 * Set on the root while a fit measures: ProjectorFrame's CSS turns transitions off below it. A
 * transition shows the old value of a size at first, so a scale tried would be measured at the
 * scale before it, and the fit would depend on the history of resizes, not on what is on the
 * screen. It happened under reduced motion, when base.css gave every property a 0.01 ms transition
 * (now 0s): a view opened at 1920×1080 and resized to 1280×720 measured its old layout at every
 * scale tried and ended at MIN_SCALE. Any transition in the view (the timer's ring) would do the same.
 */
const FITTING = 'data-fitting';

/** Fits the view; returns whether its scale changed. */
function fit(root: HTMLElement): boolean {
  const before = root.style.getPropertyValue('--fit');
  const boxes = clippingBoxes(root);
  const fitsAt = (scale: number) => {
    root.style.setProperty('--fit', String(scale));
    return !boxes.some(clipsContent);
  };
  root.setAttribute(FITTING, '');
  try {
    // Always from the full size: the scale is a function of the content and the viewport only.
    if (!fitsAt(1)) {
      let fits = MIN_SCALE;
      let tooBig = 1;
      for (let step = 0; step < SEARCH_STEPS; step += 1) {
        const middle = (fits + tooBig) / 2;
        if (fitsAt(middle)) fits = middle;
        else tooBig = middle;
      }
      fitsAt(fits);
    }
  } finally {
    // Sizes are final now; turning transitions back on starts none (no value changes with it).
    root.removeAttribute(FITTING);
  }
  return root.style.getPropertyValue('--fit') !== before;
}

/** A Svelte attachment for the projector's root element. */
export function fitToScreen(root: HTMLElement): () => void {
  let frame = 0;
  const schedule = () => {
    if (frame) return;
    // One fit per frame, however many changes arrived: layout is read once the DOM is settled.
    frame = requestAnimationFrame(() => {
      frame = 0;
      // Type at a new scale lays out as in a resized window: what measured the text on the resize
      // before this fit (hyphenation.ts, which hyphenates words that no longer fit) measures again.
      if (fit(root)) window.dispatchEvent(new Event('resize'));
    });
  };
  const resized = new ResizeObserver(schedule);
  resized.observe(root);
  // Content and classes only: the fit's own write (`--fit` in the root's style) is not watched.
  const changed = new MutationObserver(schedule);
  changed.observe(root, { childList: true, subtree: true, characterData: true, attributeFilter: ['class'] });
  void document.fonts?.ready.then(schedule);
  schedule();
  return () => {
    cancelAnimationFrame(frame);
    resized.disconnect();
    changed.disconnect();
  };
}
