import { localeFor, type Language } from './i18n/languages.ts';

/** `2025-03-14` in this device's time zone: the day the meeting took place where it took place. */
export function isoDay(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `lean-coffee-K7P4XM-2025-03-14.md`: sorts by date in a downloads folder and says which session. */
export function minutesFileName(code: string, createdAt: number, extension: 'md' | 'csv'): string {
  return `lean-coffee-${code}-${isoDay(createdAt)}.${extension}`;
}

/** The session's date as readers of this language write it ("14. März 2025", "14 March 2025"). */
export function formatLongDate(epochMs: number, language: Language): string {
  return new Intl.DateTimeFormat(localeFor[language], { dateStyle: 'long' }).format(epochMs);
}

/** A due date (`YYYY-MM-DD`, a calendar day without a time zone) as readers of this language write it. */
export function formatDueDate(day: string, language: Language): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Intl.DateTimeFormat(localeFor[language], { dateStyle: 'medium' }).format(new Date(year, month - 1, date));
}

/** An average with one decimal as readers of this language write it ("4,5", "4.5"). */
export function formatAverage(value: number, language: Language): string {
  return new Intl.NumberFormat(localeFor[language], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    value,
  );
}

/** Saves text as a file through a temporary link; works without any permission. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
