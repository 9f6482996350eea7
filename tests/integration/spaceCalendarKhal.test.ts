import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { occurrences, type RhythmEntry } from '@runde/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { integrationSuite } from '../support/integrationSuite.ts';
import { createTeamSpaceOverHttp } from '../support/serverClients.ts';

/**
 * The calendar feed as a real calendar client reads it: khal (a command-line calendar built on
 * icalendar and python-dateutil, Debian package `khal`) imports the downloaded file and lists the
 * meetings, once in Berlin time and once in UTC. Skipped where khal is not installed.
 */
const hasKhal = spawnSync('khal', ['--version']).status === 0;
const suite = integrationSuite('space-calendar-khal');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A khal set-up of its own (config, calendar folder, cache) that shows times in `zone`. */
function khalIn(zone: string): (...args: string[]) => string {
  const dir = mkdtempSync(join(tmpdir(), 'runde-khal-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'calendar'));
  const config = join(dir, 'config');
  writeFileSync(
    config,
    [
      '[calendars]',
      '[[runde]]',
      `path = ${join(dir, 'calendar')}`,
      'type = calendar',
      '[sqlite]',
      `path = ${join(dir, 'khal.db')}`,
      '[locale]',
      'timeformat = %H:%M',
      'dateformat = %Y-%m-%d',
      'longdateformat = %Y-%m-%d',
      'datetimeformat = %Y-%m-%d %H:%M',
      'longdatetimeformat = %Y-%m-%d %H:%M',
      `local_timezone = ${zone}`,
      `default_timezone = ${zone}`,
      '[default]',
      'default_calendar = runde',
      '',
    ].join('\n'),
  );
  return (...args) => execFileSync('khal', ['-c', config, ...args], { encoding: 'utf8' });
}

/** khal's list of the space's events from `from` to `to` (dates), as "YYYY-MM-DD HH:MM title" lines. */
function listed(khal: (...args: string[]) => string, from: string, to: string): string[] {
  return khal('list', '--format', '{start} {title}', '--day-format', '', from, to)
    .split('\n')
    .filter((line) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} /.test(line));
}

describe('the calendar feed in khal', () => {
  it.skipIf(!hasKhal)(
    'imports the downloaded file and lists Monday 09:00 in Berlin, 08:00 and then 07:00 UTC across the March change and back in October',
    async () => {
      const created = await createTeamSpaceOverHttp(suite.url, { title: 'Kita', facilitatorName: 'Fee' });
      const facilitator = await suite.connect(created);
      await suite.run(facilitator, 'space:set-rhythm', {
        timeZone: 'Europe/Berlin',
        objectionWindowDays: 7,
        meetings: [
          {
            room: 'governance',
            repeat: { every: 'week', interval: 1 },
            weekday: 1,
            time: '09:00',
            durationMinutes: 60,
            startsOn: '2027-01-04',
          },
        ],
      });
      const response = await fetch(`${suite.url}/api/spaces/${created.sessionId}/calendar.ics?download=1`);
      expect(response.status).toBe(200);
      const file = join(mkdtempSync(join(tmpdir(), 'runde-ics-')), `runde-${created.sessionId}.ics`);
      dirs.push(join(file, '..'));
      writeFileSync(file, await response.text());

      const title = 'Kita – Governance-Raum';
      const berlin = khalIn('Europe/Berlin');
      const utc = khalIn('UTC');
      for (const khal of [berlin, utc]) khal('import', '--batch', '-a', 'runde', file);

      expect(listed(berlin, '2027-03-22', '2027-04-05')).toEqual([
        `2027-03-22 09:00 ${title}`,
        `2027-03-29 09:00 ${title}`,
        `2027-04-05 09:00 ${title}`,
      ]);
      expect(listed(utc, '2027-03-22', '2027-04-05')).toEqual([
        `2027-03-22 08:00 ${title}`,
        `2027-03-29 07:00 ${title}`,
        `2027-04-05 07:00 ${title}`,
      ]);
      expect(listed(utc, '2027-10-25', '2027-11-08')).toEqual([
        `2027-10-25 07:00 ${title}`,
        `2027-11-01 08:00 ${title}`,
        `2027-11-08 08:00 ${title}`,
      ]);

      // The same instants as the app's own reading of the rhythm.
      const stored = await suite.store.load(created.sessionId);
      const entry = stored?.state.kind === 'team-space' ? (stored.state.rhythm.meetings[0] as RhythmEntry) : null;
      if (!entry) throw new Error('rhythm missing');
      const shared = occurrences(entry, 'Europe/Berlin', Date.parse('2027-10-25T00:00Z'), 3).map((o) =>
        new Date(o.start).toISOString().slice(0, 16).replace('T', ' '),
      );
      expect(listed(utc, '2027-10-25', '2027-11-08').map((line) => line.slice(0, 16))).toEqual(shared);
    },
  );
});
