import {
  leanCoffeeCsv,
  leanCoffeeMarkdown,
  minutesLabels,
  summarizeLeanCoffee,
  type SessionState,
} from '@runde/shared/client';
import type { Language } from './i18n/languages.ts';
import { formatLongDate } from './minutes.ts';

/**
 * The minutes in both formats, built by the shared export so the page and the files never differ.
 * Kept apart from `minutes.ts`: its date helpers are on every board, the export only on the summary.
 */
export function minutesFiles(state: SessionState, now: number, language: Language) {
  const summary = summarizeLeanCoffee(state, now);
  const labels = minutesLabels[language];
  return {
    markdown: leanCoffeeMarkdown(summary, { labels, formatDate: (ms) => formatLongDate(ms, language) }),
    csv: leanCoffeeCsv(summary, labels),
  };
}
