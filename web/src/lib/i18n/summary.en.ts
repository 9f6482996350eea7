import type { summaryDe } from './summary.de.ts';

/** The summary texts (English), loaded by the screens that show them (see `i18n.svelte.ts`). */
export const summaryEn: typeof summaryDe = {
  pageTitle: 'Summary – Runde',
  heading: 'Summary',
  back: 'Back to the session',
  running: 'The session is still running; this is where it stands now.',
  downloadMarkdown: 'Download Markdown',
  readOnly: 'This session has ended. Here is its summary to read, as every participant sees it.',
  loadFailed: 'The summary could not be loaded. Please try again.',
  downloadCsv: 'Download CSV',
  print: 'Print or save as PDF',
  participants: 'Participants',
  votesPerPerson: 'Votes per person: {{count}}',
  discussed: 'Topics discussed',
  notDiscussed: 'Not discussed',
  skipped: 'skipped',
  allActions: 'All action items',
  due: 'Due',
  roti: 'Return on time invested',
  topic: 'Topic',
  nothingYet: 'Nothing yet.',
  keptUntil: 'This summary stays available until {{date}}. After that, the session is deleted.',
};
