import { leanCoffeeCsv, leanCoffeeMarkdown, summarizeLeanCoffee, type SessionState } from '@runde/shared/client';
import type { Translate } from './i18n/keys.ts';
import type { Language } from './i18n/languages.ts';
import { leanCoffeeExportLabels } from './leanCoffeeExportLabels.ts';
import { formatLongDate } from './minutes.ts';

/**
 * The minutes in both formats, built by the shared export so the page and the files never differ.
 * Kept apart from `minutes.ts`: its date helpers are on every board, the export only on the summary.
 * `t` must have the `export` part loaded.
 */
export function minutesFiles(state: SessionState, now: number, language: Language, t: Translate) {
  const summary = summarizeLeanCoffee(state, now);
  const labels = leanCoffeeExportLabels(t, language);
  return {
    markdown: leanCoffeeMarkdown(summary, { labels, formatDate: (ms) => formatLongDate(ms, language) }),
    csv: leanCoffeeCsv(summary, labels),
  };
}
