import type { LeanCoffeeExport, SessionExport, TeamSpaceExport } from '@runde/shared';
import { richLeanCoffee } from '../../shared/src/export/testing/richLeanCoffee.ts';
import { richTeamSpace } from '../../shared/src/export/testing/richTeamSpace.ts';
import { describe, expect, it } from 'vitest';
import { countKeys, exportOver, importOver, seedSession, withoutExportTime } from '../support/backupClient.ts';
import { integrationSuite } from '../support/integrationSuite.ts';

const MAX_IMPORT_BYTES = 6 * 1024 * 1024;
const suite = integrationSuite('backup', {
  config: {
    maxImportBytes: MAX_IMPORT_BYTES,
    rateLimits: { create: { points: 1000, durationSec: 60 }, seat: { points: 5000, durationSec: 10 } },
  },
});

function exported(ack: Awaited<ReturnType<typeof exportOver>>): SessionExport {
  if (!ack.ok) throw new Error(`export refused: ${ack.error.code}`);
  return ack.data;
}

/** A rich team space in the store, its facilitator connected, and the backup file collected from it. */
async function teamSpaceBackup(code: string) {
  const { state, archive } = richTeamSpace({ weeks: 30, tensionsPerWeek: 5, decisionsPerWeek: 2 });
  const seat = await seedSession(suite.store, code, state, 'p1', archive);
  const facilitator = await suite.connect(seat);
  const file = exported(await exportOver(facilitator)) as TeamSpaceExport;
  return { state, archive, seat, file };
}

async function leanCoffeeBackup(code: string) {
  const seat = await seedSession(suite.store, code, richLeanCoffee(), 'p1');
  return exported(await exportOver(await suite.connect(seat))) as LeanCoffeeExport;
}

describe('backup: export and restore over real sockets, HTTP and Redis', () => {
  it('restores a team space with its archive as a new space equal in all but codes and secrets', async () => {
    const { archive, seat, file } = await teamSpaceBackup('BKUPA2');
    const text = JSON.stringify(file);
    // Everything the archive held is in the file, and nothing that opens the space.
    expect(archive.length).toBeGreaterThan(50);
    expect(file.space.meetings.length).toBe(61);
    expect(new Set(file.space.tensions.map((t) => t.status))).toEqual(new Set(['open', 'resolved', 'withdrawn']));
    // Past the live state's 50 newest: the oldest decisions come from the archive, numbered as adopted.
    // 60 adopted in meetings, the 61st when a proposal's window closed between meetings.
    expect(file.space.decisions.map((d) => d.number)).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));
    expect(file.space.decisions.at(-1)?.betweenMeetings).toBeDefined();
    expect(file.space.register.roles.map((r) => r.name)).toEqual(['Technik']);
    expect(file.space.proposals.map((p) => p.status)).toEqual(['adopted', 'to-meeting']);
    expect(file.space.tensions.some((t) => t.async?.answers.length === 1)).toBe(true);
    for (const secret of [seat.token, 'BKUPA2']) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"(token|tokenHash|key|keyHash|projectorKey|joinCode)"/);

    const restored = await importOver(suite.url, text);
    if (!restored.created) throw new Error(JSON.stringify(restored.body));
    const seatThere = restored.body;
    expect(seatThere).toMatchObject({ kind: 'team-space', participantId: 'p1' });
    expect(seatThere.sessionId).not.toBe('BKUPA2');
    expect(seatThere.token).not.toBe(seat.token);
    const importer = await suite.connect(seatThere);
    const again = exported(await exportOver(importer));
    expect(withoutExportTime(again)).toEqual(withoutExportTime(file));
    // Members came without devices: nobody but the importer's device is online.
    const stored = await suite.store.load(seatThere.sessionId);
    expect(stored?.state.participants.filter((p) => p.online).map((p) => p.id)).toEqual(['p1']);
    // The old seat's token opens nothing in the new space.
    expect(await suite.store.participantForToken(seatThere.sessionId, seat.token)).toBeNull();
  });

  it('restores a Lean Coffee with topics, dots, outcomes and ROTI as a new session equal in all but codes', async () => {
    const file = await leanCoffeeBackup('BKUPW2');
    expect(file.session.votes.length).toBe(4);
    const restored = await importOver(suite.url, JSON.stringify(file));
    if (!restored.created) throw new Error(JSON.stringify(restored.body));
    expect(restored.body.kind).toBe('lean-coffee');
    const again = exported(await exportOver(await suite.connect(restored.body)));
    expect(withoutExportTime(again)).toEqual(withoutExportTime(file));
  });

  it('refuses export to a member who does not facilitate', async () => {
    const { state } = richTeamSpace({ weeks: 1, tensionsPerWeek: 1, decisionsPerWeek: 0 });
    const member = await suite.connect(await seedSession(suite.store, 'BKUPM2', state, 'p2'));
    expect(await member.sendRaw('session:export', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('cleans control and bidi characters out of every text, as it cleans typed input', async () => {
    const { file } = await teamSpaceBackup('BKUPC2');
    const tampered = structuredClone(file);
    tampered.space.title = 'Team\u202e\u0007 Nord\u200f';
    const last = tampered.space.tensions.at(-1)!;
    last.title = 'Caf\u0065\u0301 \u2066geheim\u2069';
    const restored = await importOver(suite.url, JSON.stringify(tampered));
    if (!restored.created) throw new Error(JSON.stringify(restored.body));
    const state = (await suite.store.load(restored.body.sessionId))?.state;
    if (state?.kind !== 'team-space') throw new Error('no team space');
    expect(state.title).toBe('Team Nord');
    // Composed to NFC (é as one code point), the isolates gone.
    expect(state.tensions.find((t) => t.id === last.id)?.title).toBe('Caf\u00e9 geheim');
  });

  it('refuses 23 hostile or broken files with a typed reason, creating nothing', async () => {
    const { file } = await teamSpaceBackup('BKUPH2');
    const coffee = await leanCoffeeBackup('BKUPH3');
    const edit = (change: (copy: TeamSpaceExport & Record<string, unknown>) => void) => {
      const copy = structuredClone(file) as TeamSpaceExport & Record<string, unknown>;
      change(copy);
      return JSON.stringify(copy);
    };
    const valid = JSON.stringify(file);
    const tension = file.space.tensions[0]!;
    const cases: Array<[name: string, body: string, expected: object, status?: number]> = [
      ['not JSON', '{"format": "runde-export", ', { reason: 'not-json' }],
      ['empty', '', { reason: 'not-json' }],
      ['a JSON array', '[1, 2, 3]', { reason: 'not-a-backup' }],
      ['wrong format marker', edit((f) => (f.format = 'runde-backup' as 'runde-export')), { reason: 'not-a-backup' }],
      ['version 2', edit((f) => (f.version = 2 as 1)), { reason: 'unsupported-version', version: 2 }],
      ['version 0', edit((f) => (f.version = 0 as 1)), { reason: 'unsupported-version', version: 0 }],
      ['unknown kind', edit((f) => (f.kind = 'retro' as 'team-space')), { reason: 'not-a-backup' }],
      [
        'missing field',
        edit((f) => delete (f.space as Partial<TeamSpaceExport['space']>).title),
        { reason: 'invalid', path: 'space.title' },
      ],
      ['extra field (strict)', edit((f) => (f.comment = 'hi')), { reason: 'invalid', path: '' }],
      [
        'string over the limit',
        edit((f) => (f.space.title = 'x'.repeat(121))),
        { reason: 'invalid', path: 'space.title' },
      ],
      [
        '10,000 tensions',
        edit((f) => (f.space.tensions = Array.from({ length: 10_000 }, (_, i) => ({ ...tension, id: `tn${i}` })))),
        { reason: 'invalid', path: 'space.tensions' },
      ],
      [
        'deeply nested JSON',
        valid.replace('"checklist":[', `"checklist":[${'['.repeat(50_000)}${']'.repeat(50_000)},`),
        // Deeper than the JSON parser goes: refused before any schema runs.
        { reason: 'not-json' },
      ],
      [
        '__proto__ key',
        valid.replace('"space":{', '"space":{"__proto__":{"polluted":true},'),
        { reason: 'invalid', path: 'space' },
      ],
      [
        'constructor key in a tension',
        valid.replace('"tensions":[{', '"tensions":[{"constructor":{"name":"x"},'),
        { reason: 'invalid', path: 'space.tensions.0' },
      ],
      [
        'duplicate ids',
        edit((f) => (f.space.tensions[1] = { ...f.space.tensions[1]!, id: tension.id })),
        { reason: 'duplicate-id', entry: 'space.tensions.1' },
      ],
      [
        'an action owned by a missing member',
        edit((f) => (f.space.actions[0]!.ownerId = 'p_gone')),
        { reason: 'dangling-reference', entry: 'space.actions.0.ownerId', target: 'member p_gone' },
      ],
      [
        'two decisions with one number',
        edit((f) => (f.space.decisions[1]!.number = f.space.decisions[0]!.number)),
        { reason: 'duplicate-id', entry: 'space.decisions.1.number' },
      ],
      [
        'a decision of a missing meeting',
        edit((f) => (f.space.decisions[0]!.meetingId = 'm_gone')),
        { reason: 'dangling-reference', entry: 'space.decisions.0.meetingId', target: 'meeting m_gone' },
      ],
      [
        'a date out of range',
        edit((f) => (f.space.createdAt = 8.64e15)),
        { reason: 'invalid', path: 'space.createdAt' },
      ],
      [
        'a date after the export',
        edit((f) => (f.space.tensions[0]!.createdAt = f.exportedAt + 86_400_000)),
        { reason: 'date-out-of-range', entry: 'space.tensions.0.createdAt' },
      ],
      [
        'a negative count',
        JSON.stringify({
          ...coffee,
          session: { ...coffee.session, topics: [{ ...coffee.session.topics[0]!, spentMs: -1 }] },
        }),
        { reason: 'invalid', path: 'session.topics.0.spentMs' },
      ],
      [
        'a body over the size limit',
        valid.replace('"space":{', `"padding":"${'x'.repeat(MAX_IMPORT_BYTES)}","space":{`),
        { reason: 'too-large' },
        413,
      ],
      [
        'a file claiming a seat token',
        edit((f) => ((f.space.members[0] as unknown as Record<string, unknown>).token = 'A'.repeat(43))),
        { reason: 'invalid', path: 'space.members.0' },
      ],
    ];
    const before = await countKeys(suite.prefix);
    for (const [name, body, expected, status = 400] of cases) {
      const answer = await importOver(suite.url, body);
      expect({ name, status: answer.status }).toEqual({ name, status });
      if (answer.created) throw new Error(`${name}: created`);
      expect({ name, code: answer.body.error.code, problem: answer.body.error.problem }).toEqual({
        name,
        code: 'invalid_payload',
        problem: expect.objectContaining(expected),
      });
    }
    const lcAsSpace = await importOver(suite.url, JSON.stringify(coffee), 'team-space');
    expect(lcAsSpace).toMatchObject({
      status: 400,
      body: { error: { problem: { reason: 'wrong-kind', expected: 'team-space', found: 'lean-coffee' } } },
    });
    expect(await countKeys(suite.prefix)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
