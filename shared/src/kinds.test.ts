import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { session } from './leanCoffee/testing/fixtures.ts';
import { teamSpace } from './teamSpace/testing/fixtures.ts';
import { commandPayloadSchemas } from './protocol/commands.ts';
import { exportKinds } from './export/exportFormat.ts';
import { ErrorCode } from './protocol/errors.ts';
import { loopCommandPayloadSchemas } from './protocol/loopCommands.ts';
import { hallCommandPayloadSchemas } from './protocol/hallCommands.ts';
import {
  applyEvents,
  commandPayloadSchemasOfAllKinds,
  decideCommand,
  decideInTurn,
  kinds,
  replayEvents,
  sessionEventFor,
  sessionTimer,
  sessionViewFor,
  type KindCommand,
} from './kinds.ts';

const ctx = { actor: { kind: 'participant', id: 'p2' }, now: 1_800_000_000_000, newId: () => 'x1' } as const;

describe('the combined command schemas', () => {
  const shared = Object.keys(commandPayloadSchemas).filter((name) => Object.hasOwn(loopCommandPayloadSchemas, name));

  const sharedWithHall = Object.keys(hallCommandPayloadSchemas).filter((name) =>
    Object.hasOwn(commandPayloadSchemas, name),
  );

  it('share only participant, timer and access commands (a hall has no access of its own)', () => {
    expect(shared.every((name) => /^(participant|timer|access):/.test(name))).toBe(true);
    expect(shared).toContain('timer:start');
    expect(sharedWithHall.every((name) => /^(participant|timer):/.test(name))).toBe(true);
    expect(
      Object.keys(hallCommandPayloadSchemas).filter((name) => Object.hasOwn(loopCommandPayloadSchemas, name)),
    ).toEqual(sharedWithHall);
  });

  it.each(shared)('%s has the same schema in both kinds', (name) => {
    const lean = commandPayloadSchemas[name as keyof typeof commandPayloadSchemas];
    const loop = loopCommandPayloadSchemas[name as keyof typeof loopCommandPayloadSchemas];
    expect(z.toJSONSchema(loop)).toEqual(z.toJSONSchema(lean));
  });

  it.each(sharedWithHall)('%s has the same schema in a hall as in a Lean Coffee', (name) => {
    const lean = commandPayloadSchemas[name as keyof typeof commandPayloadSchemas];
    const hall = hallCommandPayloadSchemas[name as keyof typeof hallCommandPayloadSchemas];
    expect(z.toJSONSchema(hall)).toEqual(z.toJSONSchema(lean));
  });

  it('holds every command of every kind', () => {
    expect(Object.keys(commandPayloadSchemasOfAllKinds).sort()).toEqual(
      [
        ...new Set([
          ...Object.keys(commandPayloadSchemas),
          ...Object.keys(loopCommandPayloadSchemas),
          ...Object.keys(hallCommandPayloadSchemas),
        ]),
      ].sort(),
    );
  });
});

describe('decideCommand', () => {
  it.each<{ name: string; command: KindCommand }>([
    { name: 'topic:add', command: { type: 'topic:add', title: 'T', description: '' } },
    { name: 'vote:cast', command: { type: 'vote:cast', topicId: 't1' } },
  ])('refuses the Lean Coffee command $name in a team space', ({ command }) => {
    const result = decideCommand(teamSpace().state, command, ctx);
    expect(result).toEqual({
      ok: false,
      error: { code: ErrorCode.invalidState, message: 'Not available in this kind of session.' },
    });
  });

  it.each<{ name: string; command: KindCommand }>([
    {
      name: 'tension:add',
      command: { type: 'tension:add', title: 'T', description: '', room: 'operational', anonymous: false },
    },
    { name: 'meeting:start', command: { type: 'meeting:start', room: 'operational' } },
  ])('refuses the team-space command $name in a Lean Coffee', ({ command }) => {
    const result = decideCommand(session().state, command, ctx);
    expect(result.ok ? 'ok' : result.error.code).toBe(ErrorCode.invalidState);
  });

  it('decides shared commands by the rules of the session’s kind', () => {
    const space = teamSpace();
    const rename = { type: 'participant:rename', name: 'Anna' } as const;
    const inSpace = decideCommand(space.state, rename, ctx);
    const inLean = decideCommand(session().state, rename, ctx);
    expect(inSpace.ok && inSpace.events).toEqual([{ type: 'participant:renamed', participantId: 'p2', name: 'Anna' }]);
    expect(inLean.ok && inLean.events).toEqual([{ type: 'participant:renamed', participantId: 'p2', name: 'Anna' }]);
  });
});

describe('decideInTurn', () => {
  const system = { ...ctx, actor: { kind: 'system' } } as const;
  const presence = (participantId: string, online: boolean): KindCommand => ({
    type: 'participant:presence',
    participantId,
    online,
  });
  const changes = (result: ReturnType<typeof decideInTurn>) =>
    result.ok
      ? result.events.map((event) => ('online' in event ? [event.participantId, event.online] : event.type))
      : result.error.code;

  it('folds several presence changes into one change, each decided on what the ones before left', () => {
    const state = session().state;
    const result = decideInTurn(state, [presence('p1', true), presence('p2', true), presence('p2', true)], system);
    // The second "p2 online" finds p2 online already and changes nothing.
    expect(changes(result)).toEqual([
      ['p1', true],
      ['p2', true],
    ]);
  });

  it('leaves out a refused command and keeps the rest', () => {
    const result = decideInTurn(session().state, [presence('nobody', true), presence('p2', true)], system);
    expect(changes(result)).toEqual([['p2', true]]);
  });

  it('answers with the first refusal when every command is refused', () => {
    expect(changes(decideInTurn(session().state, [presence('nobody', true), presence('ghost', false)], system))).toBe(
      ErrorCode.notFound,
    );
    // From a participant, every presence command is refused: the server alone reports presence.
    expect(changes(decideInTurn(session().state, [presence('p2', true)], ctx))).toBe(ErrorCode.forbidden);
  });

  it('decides one command exactly as decideCommand does', () => {
    const rename = { type: 'participant:rename', name: 'Anna' } as const;
    expect(decideInTurn(teamSpace().state, [rename], ctx)).toEqual(decideCommand(teamSpace().state, rename, ctx));
    expect(decideInTurn(session().state, [], ctx)).toEqual({ ok: true, events: [] });
  });
});

describe('folding and masking either kind', () => {
  it('replays and applies a team space like applyLoop does', () => {
    const s = teamSpace();
    s.addTension('p2', 'Anonymous', 'relationship', true);
    expect(replayEvents(s.log)).toEqual(s.state);
    expect(applyEvents(replayEvents(s.log.slice(0, 1)), s.log.slice(1))).toEqual(s.state);
  });

  it('replays a Lean Coffee like replay does', () => {
    const s = session();
    s.addTopic('p2', 'Topic');
    expect(replayEvents(s.log)).toEqual(s.state);
  });

  it('refuses to fold an event of the other kind', () => {
    expect(() => applyEvents(session().state, teamSpace().log.slice(0, 1))).toThrow(/does not belong/);
  });

  it('masks anonymous authors of tensions and of topics', () => {
    const space = teamSpace();
    space.addTension('p2', 'Secret', 'relationship', true);
    const lean = session({ anonymousTopics: true });
    lean.addTopic('p2', 'Secret topic');
    const other = { participantId: 'p3' };
    const frames = JSON.stringify([
      sessionViewFor(space.state, other),
      sessionViewFor(lean.state, other),
      [...space.log, ...lean.log].map((e) => sessionEventFor(e, other)),
    ]);
    expect(frames).not.toContain('"authorId":"p2"');
    expect(JSON.stringify(sessionViewFor(space.state, { participantId: 'p2' }))).toContain('"authorId":"p2"');
  });

  it('finds the timer of either kind', () => {
    expect(sessionTimer(teamSpace().state)).toEqual({ status: 'idle' });
    expect(sessionTimer(session().state)).toEqual({ status: 'idle' });
  });
});

describe('the registry', () => {
  it('lists every kind a backup file may name, and the hall, which no backup restores', () => {
    expect(Object.keys(kinds).sort()).toEqual([...exportKinds, 'hall'].sort());
    expect(kinds.hall.restoreFrom({}, 0)).toEqual({ ok: false, problem: { reason: 'not-a-backup' } });
  });

  it('gives each kind its own session page and a join link on it or on the join page', () => {
    const pages = Object.values(kinds).map((kind) => kind.paths.page('ABC123'));
    expect(new Set(pages).size).toBe(pages.length);
    for (const kind of Object.values(kinds)) {
      expect(kind.paths.join('ABC123')).toMatch(/^\/[a-z]\/ABC123$/);
    }
  });
});
