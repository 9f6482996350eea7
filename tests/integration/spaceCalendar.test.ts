import { occurrences, type RhythmEntry, type TeamSpaceState } from '@runde/shared';
import ICAL from 'ical.js';
import nodeIcal, { type CalendarResponse, type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { integrationSuite } from '../support/integrationSuite.ts';
import { createSessionOverHttp, createTeamSpaceOverHttp } from '../support/serverClients.ts';

const suite = integrationSuite('space-calendar');
const { connect, run } = suite;

const ZONE = 'Europe/Berlin';
/** Governance weekly on Monday 09:00, operational on the last Monday of the month at 14:30. */
const rhythm = {
  timeZone: ZONE,
  objectionWindowDays: 7,
  meetings: [
    {
      room: 'governance' as const,
      repeat: { every: 'week' as const, interval: 1 as const },
      weekday: 1 as const,
      time: '09:00',
      durationMinutes: 60,
      startsOn: '2027-01-04',
    },
    {
      room: 'operational' as const,
      repeat: { every: 'month' as const, nth: -1 as const },
      weekday: 1 as const,
      time: '14:30',
      durationMinutes: 45,
      startsOn: '2027-01-01',
    },
  ],
};

/** A team space "Kita Sonnenschein" with the rhythm above; the operational room named by the team. */
async function spaceWithRhythm(): Promise<{ code: string; state: TeamSpaceState }> {
  const created = await createTeamSpaceOverHttp(suite.url, { title: 'Kita Sonnenschein', facilitatorName: 'Fee' });
  const facilitator = await connect(created);
  await run(facilitator, 'space:update', { roomNames: { operational: 'Teamrunde' } });
  await run(facilitator, 'space:set-rhythm', rhythm);
  const stored = await suite.store.load(created.sessionId);
  if (stored?.state.kind !== 'team-space') throw new Error('team space missing');
  return { code: created.sessionId, state: stored.state };
}

const feedUrl = (code: string, query = '') => `${suite.url}/api/spaces/${code}/calendar.ics${query}`;

/** Wall-clock time and weekday of an instant in Berlin, e.g. "Mon 09:00". */
const berlin = (ms: number) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));

/** Every start of the VEVENT with this summary between two instants, as ical.js expands the feed. */
function expandWithIcalJs(text: string, summary: string, from: number, to: number): number[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getAllSubcomponents('vevent').find((c) => c.getFirstPropertyValue('summary') === summary);
  if (!vevent) throw new Error(`no event ${summary}`);
  const iterator = new ICAL.Event(vevent).iterator();
  const starts: number[] = [];
  for (let next = iterator.next(); next; next = iterator.next()) {
    const ms = next.toJSDate().getTime();
    if (ms > to) break;
    if (ms >= from) starts.push(ms);
  }
  return starts;
}

const at = (iso: string) => Date.parse(iso);

/** The VEVENTs node-ical read. */
const eventsOf = (calendar: CalendarResponse): VEvent[] =>
  Object.values(calendar).flatMap((c) => (c?.type === 'VEVENT' ? [c] : []));

describe('a team space calendar feed', () => {
  it('serves the rhythm as iCalendar that keeps Monday 09:00 Berlin across both clock changes of 2027', async () => {
    const { code, state } = await spaceWithRhythm();
    const response = await fetch(feedUrl(code));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, max-age=300');
    expect(response.headers.get('content-disposition')).toBeNull();
    const text = await response.text();
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
    expect(text).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO');
    expect(text).toContain('RRULE:FREQ=MONTHLY;BYDAY=-1MO');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20270104T090000');
    expect(text).toContain(`URL;VALUE=URI:${suite.url}/t/${code}`);

    const governance = 'Kita Sonnenschein – Governance-Raum';
    // March: clocks go forward on Sunday the 28th; October: back on Sunday the 31st.
    const march = expandWithIcalJs(text, governance, at('2027-03-01T00:00Z'), at('2027-04-06T00:00Z'));
    const october = expandWithIcalJs(text, governance, at('2027-10-01T00:00Z'), at('2027-11-02T00:00Z'));
    expect(march.map((ms) => new Date(ms).toISOString())).toEqual([
      '2027-03-01T08:00:00.000Z',
      '2027-03-08T08:00:00.000Z',
      '2027-03-15T08:00:00.000Z',
      '2027-03-22T08:00:00.000Z',
      '2027-03-29T07:00:00.000Z',
      '2027-04-05T07:00:00.000Z',
    ]);
    expect(october.map((ms) => new Date(ms).toISOString())).toEqual([
      '2027-10-04T07:00:00.000Z',
      '2027-10-11T07:00:00.000Z',
      '2027-10-18T07:00:00.000Z',
      '2027-10-25T07:00:00.000Z',
      '2027-11-01T08:00:00.000Z',
    ]);
    expect(new Set([...march, ...october].map(berlin))).toEqual(new Set(['Mon 09:00']));

    // The app's own reading of the rhythm (next meeting, agenda preview) agrees with the feed.
    const [weekly, monthly] = state.rhythm.meetings as [RhythmEntry, RhythmEntry];
    expect(occurrences(weekly, ZONE, at('2027-03-01T00:00Z'), 6).map((o) => o.start)).toEqual(march);
    expect(occurrences(weekly, ZONE, at('2027-10-01T00:00Z'), 5).map((o) => o.start)).toEqual(october);
    const operational = 'Kita Sonnenschein – Teamrunde';
    const lastMondays = expandWithIcalJs(text, operational, at('2027-01-01T00:00Z'), at('2027-12-31T00:00Z'));
    expect(lastMondays).toEqual(occurrences(monthly, ZONE, at('2027-01-01T00:00Z'), 12).map((o) => o.start));
    expect(new Set(lastMondays.map(berlin))).toEqual(new Set(['Mon 14:30']));
    expect(lastMondays.map((ms) => new Date(ms).toISOString().slice(0, 10))).toContain('2027-03-29');
  });

  it('reads the same with node-ical: summaries, link, stable ids and the same instants', async () => {
    const { code, state } = await spaceWithRhythm();
    const first = await (await fetch(feedUrl(code))).text();
    const parsed = nodeIcal.sync.parseICS(first);
    const events = eventsOf(parsed);
    expect(events.map((e) => e.summary).sort()).toEqual([
      'Kita Sonnenschein – Governance-Raum',
      'Kita Sonnenschein – Teamrunde',
    ]);
    const weeklyEvent = events.find((e) => e.summary === 'Kita Sonnenschein – Governance-Raum');
    if (!weeklyEvent) throw new Error('weekly event missing');
    expect(weeklyEvent.url).toEqual({ params: { VALUE: 'URI' }, val: `${suite.url}/t/${code}` });
    expect(String(weeklyEvent.description)).toContain(`${suite.url}/t/${code}`);
    const instances = nodeIcal.expandRecurringEvent(weeklyEvent, {
      from: new Date('2027-10-01T00:00Z'),
      to: new Date('2027-11-02T00:00Z'),
    });
    const [weekly] = state.rhythm.meetings as [RhythmEntry];
    expect(instances.map((i) => i.start.getTime())).toEqual(
      occurrences(weekly, ZONE, at('2027-10-01T00:00Z'), 5).map((o) => o.start),
    );
    // A second fetch names the same events by the same ids, so a subscribed calendar updates them.
    const again = nodeIcal.sync.parseICS(await (await fetch(feedUrl(code))).text());
    const uids = (calendar: CalendarResponse) =>
      eventsOf(calendar)
        .map((e) => e.uid)
        .sort();
    expect(uids(again)).toEqual(uids(parsed));
    expect(uids(parsed)).toEqual(state.rhythm.meetings.map((m) => `${m.id}.${code}@runde`).sort());
  });

  it('offers the file as a download, answers 304 to an unchanged copy, and 404 to codes without a team space', async () => {
    const { code } = await spaceWithRhythm();
    const download = await fetch(feedUrl(code, '?download=1'));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="runde-${code}.ics"`);
    const etag = download.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    // A Cache-Control of our own: fetch would otherwise add `no-cache` to a conditional request,
    // which (rightly) asks the server for the full answer.
    const unchanged = await fetch(feedUrl(code), {
      headers: { 'if-none-match': etag ?? '', 'cache-control': 'max-age=0' },
    });
    expect(unchanged.status).toBe(304);

    const leanCoffee = await createSessionOverHttp(suite.url, { title: 'Lean Coffee', facilitatorName: 'Fee' });
    for (const other of ['ZZZZZZ', leanCoffee.sessionId, 'not a code']) {
      const missing = await fetch(feedUrl(encodeURIComponent(other)));
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });
});
