import { hallCsv, hallExportLabelsDe, hallExportLabelsEn, hallMarkdown, type HallExport } from '@runde/shared/client';
import type { Language } from './i18n/languages.ts';

export type HallFileFormat = 'md' | 'csv' | 'json';

const types: Record<HallFileFormat, string> = {
  md: 'text/markdown',
  csv: 'text/csv',
  json: 'application/json',
};

/**
 * One download of the hall's record: Markdown and CSV in the reader's language (the shared export's
 * own words, so the file is the same whoever downloads it in that language); the JSON as the
 * server sent it.
 */
export function hallFile(file: HallExport, format: HallFileFormat, language: Language) {
  const labels = language === 'de' ? hallExportLabelsDe : hallExportLabelsEn;
  const text =
    format === 'md'
      ? hallMarkdown(file, labels)
      : format === 'csv'
        ? hallCsv(file, labels)
        : JSON.stringify(file, null, 1);
  return { text, type: `${types[format]};charset=utf-8` };
}
