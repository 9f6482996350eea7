/**
 * The words of a Lean Coffee's exported record in the reader's language. The texts live in the
 * web app's translation catalog (`web/src/lib/leanCoffeeExportLabels.ts` builds this from it), so
 * each exists once per language; the exporters only place them.
 */
export interface MinutesLabels {
  leanCoffee: string;
  participants: string;
  facilitator: string;
  votesPerPerson: string;
  discussed: string;
  notDiscussed: string;
  skipped: string;
  votes: (n: number) => string;
  timeSpent: string;
  /** Names the topics merged into this one; `titles` are already escaped. */
  mergedFrom: (titles: string) => string;
  thumbsHistory: string;
  thumbsOutcome: { extended: string; closed: string };
  takeaways: string;
  actions: string;
  owner: string;
  due: string;
  dueColumn: string;
  noOwner: string;
  closingRound: string;
  passed: string;
  roti: string;
  /** The average ROTI score, written with the language's decimal separator. */
  rotiSummary: (average: number, count: number) => string;
  allActions: string;
  topic: string;
  action: string;
  csvHeader: readonly string[];
  csvKind: { topic: string; takeaway: string; action: string; closing: string; roti: string };
  csvStatus: { discussed: string; notDiscussed: string };
  /**
   * The list separator of this language's spreadsheets: German Excel splits on `;` (the comma is
   * the decimal separator there) and reads a comma-separated file as one column.
   */
  csvSeparator: ';' | ',';
  nothingYet: string;
}
