import { describe, expect, it } from 'vitest';
import { hallExportFor } from './hallExport.ts';
import { hallExportLabelsDe, hallExportLabelsEn } from './hallLabels.ts';
import { hallCsv, hallMarkdown } from './hallMinutes.ts';
import { readSpreadsheetCsv } from './testing/readSpreadsheetCsv.ts';
import { richHall } from './testing/richHall.ts';

const now = Date.UTC(2030, 0, 1);

describe('the record of an event', () => {
  const { hall, tables } = richHall();
  const file = hallExportFor(hall, tables, now);

  it('holds the hall, every table, the ranked harvest and the announcements', () => {
    expect(file.hall).toMatchObject({ title: 'Fachtag Jugendhilfe', phase: 'harvest', tables: 3, people: 6 });
    expect(file.tables.map((t) => [t.number, t.closed, t.people, t.topics.length])).toEqual([
      [1, false, 2, 2],
      [2, false, 2, 3],
      [3, true, 0, 0],
    ]);
    expect(file.harvest).toEqual([
      { rank: 1, table: 2, text: expect.stringMatching(/^Kinder- und Jugendhilfe/), dots: 3 },
      { rank: 2, table: 1, text: 'Beteiligung beginnt bei der Tagesordnung', dots: 1 },
    ]);
    expect(file.announcements).toHaveLength(1);
    const [first] = file.tables[0]?.topics ?? [];
    expect(first).toMatchObject({ status: 'discussed', thumbs: [{ up: 2, side: 0, down: 1, outcome: 'extended' }] });
    expect(first?.actions).toEqual([{ text: expect.stringMatching(/^=HYPERLINK/), owner: 'Ben', due: '2027-03-01' }]);
    expect(file.tables[1]?.topics[0]?.actions[0]?.owner).toBe('Frau Öztürk-Schäfer');
  });

  it('never names a topic’s author, anonymous or not', () => {
    const json = JSON.stringify(file);
    expect(json).not.toMatch(/author/i);
    expect(json).not.toContain('"Ana"');
  });

  it('ranks equal dots equally', () => {
    const tie = hallExportFor(
      {
        ...hall,
        harvestVotes: [
          { voterId: 'x', table: 1 },
          { voterId: 'y', table: 2 },
        ],
      },
      tables,
      now,
    );
    expect(tie.harvest.map((p) => [p.rank, p.table])).toEqual([
      [1, 1],
      [1, 2],
    ]);
  });

  it.each([
    ['de', hallExportLabelsDe],
    ['en', hallExportLabelsEn],
  ] as const)('writes the golden Markdown and CSV (%s)', async (language, labels) => {
    await expect(hallMarkdown(file, labels)).toMatchFileSnapshot(`./golden/hall.${language}.md`);
    await expect(hallCsv(file, labels)).toMatchFileSnapshot(`./golden/hall.${language}.csv`);
  });

  it('writes a CSV a spreadsheet reads back cell for cell, with no formula to run', () => {
    const rows = readSpreadsheetCsv(hallCsv(file, hallExportLabelsDe), ';');
    expect(rows[0]).toEqual([...hallExportLabelsDe.csvHeader]);
    const action = rows.find((r) => r[1] === 'Aufgabe' && r[0] === '1');
    expect(action?.[4]).toBe(`'=HYPERLINK("http://example.invalid";"Klick")`);
    expect(rows.every((r) => r.length === 8)).toBe(true);
    const topic = rows.find((r) => r[2]?.startsWith('Wie beteiligen') && r[1] === 'Thema');
    expect(topic?.[4]).toBe('Erfahrungen aus drei Landkreisen;\nwas hat funktioniert, was nicht?');
  });
});
