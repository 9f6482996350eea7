import type { MinutesLabels } from '@runde/shared/client';
import type { Translate } from './i18n/keys.ts';
import { localeFor, type Language } from './i18n/languages.ts';
import { formatAverage } from './minutes.ts';

/**
 * The list separator of this language's spreadsheets: where the comma is the decimal separator
 * (German Excel), a spreadsheet splits on `;` and reads a comma-separated file as one column.
 */
function listSeparator(language: Language): ';' | ',' {
  const parts = new Intl.NumberFormat(localeFor[language]).formatToParts(0.5);
  return parts.find((part) => part.type === 'decimal')?.value === ',' ? ';' : ',';
}

/**
 * The words of a Lean Coffee's exported record from the catalog: what the summary screen also
 * says comes from its own key, what only the files say from `export.*`. Plurals follow the
 * language's plural rules, numbers and the CSV separator its conventions.
 */
export function leanCoffeeExportLabels(t: Translate, language: Language): MinutesLabels {
  return {
    leanCoffee: t('start.kindLeanCoffee'),
    participants: t('summary.participants'),
    facilitator: t('export.leanCoffee.facilitator'),
    votesPerPerson: t('settings.votesPerPerson'),
    discussed: t('summary.discussed'),
    notDiscussed: t('summary.notDiscussed'),
    skipped: t('summary.skipped'),
    votes: (count) => t('vote.tally', { count }),
    timeSpent: t('export.leanCoffee.timeSpent'),
    mergedFrom: (titles) => t('topics.mergedFrom', { titles }),
    thumbsHistory: t('thumbs.history'),
    thumbsOutcome: { extended: t('thumbs.extended'), closed: t('thumbs.closed') },
    takeaways: t('outcomes.takeaways'),
    actions: t('export.actions'),
    owner: t('outcomes.owner'),
    due: t('export.due'),
    dueColumn: t('summary.due'),
    noOwner: t('outcomes.noOwner'),
    closingRound: t('closing.heading'),
    passed: t('closing.passed'),
    roti: t('summary.roti'),
    rotiSummary: (average, count) =>
      t('export.leanCoffee.rotiSummary', { average: formatAverage(average, language), count }),
    allActions: t('export.leanCoffee.allActions'),
    topic: t('summary.topic'),
    action: t('outcomes.action'),
    csvHeader: [
      t('export.csv.type'),
      t('summary.topic'),
      t('export.csv.status'),
      t('export.csv.text'),
      t('export.csv.votes'),
      t('timer.minutes'),
      t('export.csv.person'),
      t('summary.due'),
    ],
    csvKind: {
      topic: t('export.csv.kind.topic'),
      takeaway: t('export.csv.kind.takeaway'),
      action: t('export.csv.kind.action'),
      closing: t('export.csv.kind.closing'),
      roti: t('export.csv.kind.roti'),
    },
    csvStatus: { discussed: t('export.csv.discussed'), notDiscussed: t('export.csv.notDiscussed') },
    csvSeparator: listSeparator(language),
    nothingYet: t('summary.nothingYet'),
  };
}
