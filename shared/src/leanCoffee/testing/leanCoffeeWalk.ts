import fc from 'fast-check';
import type { ParticipantCommand } from '../../protocol/commands.ts';
import { applyAll } from '../apply.ts';
import { decide } from '../decide.ts';
import { leanCoffeePermission } from '../permissions.ts';
import { phaseOrder, type SessionState } from '../state.ts';
import { session, table } from './fixtures.ts';
import { idFrom, pick, type PermissionWalk, type WalkStep } from '../../core/testing/permissionWalk.ts';

type Recipe = (state: SessionState) => WalkStep<ParticipantCommand> | undefined;
type EmptyCommand = Extract<ParticipantCommand, { type: EmptyType }>;
type EmptyType =
  | 'votes:reveal'
  | 'agenda:reset'
  | 'discussion:extend'
  | 'discussion:close'
  | 'timer:pause'
  | 'timer:resume'
  | 'timer:reset'
  | 'timer:expire'
  | 'thumbs:open'
  | 'thumbs:reveal'
  | 'closing:pass';

const nat = fc.nat(60);
const empty = (type: EmptyType) => fc.constant((): WalkStep<EmptyCommand> => ({ command: { type } }));
const topicIds = (s: SessionState) => s.topics.map((t) => t.id);
const authorOf = (s: SessionState, id: string) => s.topics.find((t) => t.id === id)?.authorId;
const byTopic =
  (type: 'topic:remove' | 'vote:cast' | 'topic:skip' | 'topic:return') =>
  (n: number): Recipe =>
  (s) => {
    const topicId = idFrom(topicIds(s), n);
    return { command: { type, topicId }, related: authorOf(s, topicId) };
  };
const outcomeOf = (s: SessionState, n: number) => {
  const outcomeId = idFrom(
    s.outcomes.map((o) => o.id),
    n,
  );
  return { outcomeId, related: s.outcomes.find((o) => o.id === outcomeId)?.authorId };
};

/** One generator per Lean Coffee command: a new command type does not compile until it has one. */
const commands: PermissionWalk<SessionState, ParticipantCommand>['commands'] = {
  'participant:rename': fc.constantFrom('Ana', 'Neu', 'Fee').map((name): Recipe => () => ({
    command: { type: 'participant:rename', name },
  })),
  'participant:set-role': fc
    .record({ n: nat, role: fc.constantFrom('facilitator' as const, 'participant' as const) })
    .map(({ n, role }): Recipe => (s) => {
      const participantId = idFrom(
        s.participants.map((p) => p.id),
        n,
      );
      return { command: { type: 'participant:set-role', participantId, role }, related: participantId };
    }),
  'access:set': fc
    .record({ signIn: fc.boolean(), group: fc.option(fc.constant('runde-moderation')) })
    .map(({ signIn, group }): Recipe => () => ({
      command: { type: 'access:set', signIn, facilitatorGroup: group },
    })),
  'settings:update': fc
    .record({ votes: fc.option(fc.integer({ min: 1, max: 4 })), stacking: fc.option(fc.boolean()), minutes: nat })
    .map(({ votes, stacking, minutes }): Recipe => () => ({
      command: {
        type: 'settings:update',
        title: 'Neu',
        settings: {
          timeboxMinutes: 1 + (minutes % 9),
          ...(votes === null ? {} : { votesPerPerson: votes }),
          ...(stacking === null ? {} : { allowStacking: stacking }),
        },
      },
    })),
  'phase:change': fc.constantFrom(...phaseOrder).map((to): Recipe => () => ({
    command: { type: 'phase:change', to },
  })),
  'topic:add': fc.constant((): WalkStep<ParticipantCommand> => ({
    command: { type: 'topic:add', title: 'Neu', description: '' },
  })),
  'topic:edit': nat.map((n): Recipe => (s) => {
    const topicId = idFrom(topicIds(s), n);
    return { command: { type: 'topic:edit', topicId, title: 'Neu', description: '' }, related: authorOf(s, topicId) };
  }),
  'topic:remove': nat.map(byTopic('topic:remove')),
  'vote:cast': nat.map(byTopic('vote:cast')),
  'vote:retract': nat.map((n): Recipe => (s) => {
    const topicId = idFrom(topicIds(s), n);
    // Retracting is the part of whoever placed a dot there.
    return { command: { type: 'vote:retract', topicId }, related: s.votes.find((v) => v.topicId === topicId)?.voterId };
  }),
  'votes:reveal': empty('votes:reveal'),
  'topics:merge': fc.record({ a: nat, b: nat }).map(({ a, b }): Recipe => (s) => ({
    command: { type: 'topics:merge', sourceId: idFrom(topicIds(s), a), targetId: idFrom(topicIds(s), b) },
  })),
  'agenda:move': fc
    .record({ n: nat, direction: fc.constantFrom('up' as const, 'down' as const) })
    .map(({ n, direction }): Recipe => (s) => ({
      command: { type: 'agenda:move', topicId: idFrom(topicIds(s), n), direction },
    })),
  'agenda:reset': empty('agenda:reset'),
  'discussion:start': fc.option(nat).map((n): Recipe => (s) => ({
    command: n === null ? { type: 'discussion:start' } : { type: 'discussion:start', topicId: idFrom(topicIds(s), n) },
  })),
  'discussion:extend': empty('discussion:extend'),
  'discussion:close': empty('discussion:close'),
  'topic:skip': nat.map(byTopic('topic:skip')),
  'topic:return': nat.map(byTopic('topic:return')),
  'timer:start': fc.integer({ min: 1, max: 5 }).map((minutes): Recipe => () => ({
    command: { type: 'timer:start', minutes },
  })),
  'timer:pause': empty('timer:pause'),
  'timer:resume': empty('timer:resume'),
  'timer:add': fc.integer({ min: 1, max: 5 }).map((minutes): Recipe => () => ({
    command: { type: 'timer:add', minutes },
  })),
  'timer:reset': empty('timer:reset'),
  'timer:expire': empty('timer:expire'),
  'thumbs:open': empty('thumbs:open'),
  'thumbs:cast': fc.constantFrom('up' as const, 'side' as const, 'down' as const).map((value): Recipe => () => ({
    command: { type: 'thumbs:cast', value },
  })),
  'thumbs:reveal': empty('thumbs:reveal'),
  'outcome:add': fc
    .record({ n: nat, owner: fc.option(nat), kind: fc.constantFrom('takeaway' as const, 'action' as const) })
    .map(({ n, owner, kind }): Recipe => (s) => ({
      command: {
        type: 'outcome:add',
        topicId: idFrom(topicIds(s), n),
        kind,
        text: 'Notiz',
        ownerId: owner === null ? null : (pick(s.participants, owner)?.id ?? null),
        ownerName: null,
        due: null,
      },
    })),
  'outcome:edit': nat.map((n): Recipe => (s) => {
    const { outcomeId, related } = outcomeOf(s, n);
    return {
      command: { type: 'outcome:edit', outcomeId, text: 'Anders', ownerId: null, ownerName: null, due: null },
      related,
    };
  }),
  'outcome:remove': nat.map((n): Recipe => (s) => {
    const { outcomeId, related } = outcomeOf(s, n);
    return { command: { type: 'outcome:remove', outcomeId }, related };
  }),
  'closing:submit': fc.constant((): WalkStep<ParticipantCommand> => ({
    command: { type: 'closing:submit', text: 'Danke' },
  })),
  'closing:pass': empty('closing:pass'),
  'roti:cast': fc.integer({ min: 1, max: 5 }).map((score): Recipe => () => ({
    command: { type: 'roti:cast', score },
  })),
  'takeaway:highlight': fc.option(nat).map((n): Recipe => (s) => ({
    command: { type: 'takeaway:highlight', outcomeId: n === null ? null : outcomeOf(s, n).outcomeId },
  })),
  'hall:help': fc.boolean().map((on): Recipe => () => ({ command: { type: 'hall:help', on } })),
};

/** Table 7 of a hall, moved by its hall into discussion: a topic under discussion with a takeaway. */
function tableBoard() {
  const s = table();
  const topic = s.addTopic('p2', 'Drucker');
  s.addTopic('p3', 'Kaffee');
  s.relay('vote');
  s.run('p2', { type: 'vote:cast', topicId: topic });
  s.relay('discuss');
  s.run('p1', { type: 'discussion:start' });
  s.run('p2', {
    type: 'outcome:add',
    topicId: topic,
    kind: 'takeaway',
    text: 'Ok',
    ownerId: null,
    ownerName: null,
    due: null,
  });
  return s.state;
}

/** A session with topics by the facilitator `p1` and by `p2` and `p3`, walked up to `phase`. */
function board(phase: 'collect' | 'vote' | 'discuss' | 'wrapup' | 'ended' | 'revoted', hiddenVoting: boolean) {
  return () => {
    const s = session({ hiddenVoting, allowStacking: !hiddenVoting });
    const topics = [s.addTopic('p2', 'Drucker'), s.addTopic('p2', 'Urlaub'), s.addTopic('p3', 'Kaffee')];
    s.addTopic('p1', 'Budget');
    if (phase === 'collect') return s.state;
    s.toPhase('vote');
    s.run('p2', { type: 'vote:cast', topicId: topics[2]! });
    s.run('p3', { type: 'vote:cast', topicId: topics[0]! });
    if (phase === 'vote') return s.state;
    if (phase === 'revoted') {
      s.toPhase('collect');
      return s.state;
    }
    s.toPhase('discuss');
    s.run('p1', { type: 'discussion:start' });
    s.run('p1', { type: 'thumbs:open' });
    s.run('p2', { type: 'thumbs:cast', value: 'up' });
    const current = s.state.topics.find((t) => t.status === 'discussing')!.id;
    s.run('p2', {
      type: 'outcome:add',
      topicId: current,
      kind: 'takeaway',
      text: 'Ok',
      ownerId: null,
      ownerName: null,
      due: null,
    });
    s.run('p1', {
      type: 'outcome:add',
      topicId: current,
      kind: 'action',
      text: 'Tun',
      ownerId: 'p3',
      ownerName: null,
      due: null,
    });
    if (phase === 'discuss') return s.state;
    s.toPhase('wrapup');
    s.run('p2', { type: 'closing:submit', text: 'Danke' });
    if (phase === 'wrapup') return s.state;
    s.toPhase('ended');
    return s.state;
  };
}

/**
 * The Lean Coffee walk for {@link walkPermissions}: boards in every phase, open and hidden voting,
 * every command, and the shared predicate (or the one a test passes in).
 */
export function leanCoffeeWalk(
  permission: PermissionWalk<SessionState, ParticipantCommand>['permission'] = leanCoffeePermission,
): PermissionWalk<SessionState, ParticipantCommand> {
  let now = 1_800_000_000_000;
  let id = 0;
  return {
    starts: [
      board('collect', false),
      board('vote', true),
      board('vote', false),
      board('revoted', true),
      board('discuss', false),
      board('wrapup', false),
      board('ended', false),
      tableBoard,
      // Seats bound to a sign-in: access:set may require sign-in from here.
      () =>
        applyAll(board('collect', false)(), [
          { type: 'participant:bound', participantId: 'p1' },
          { type: 'participant:bound', participantId: 'p2' },
        ]),
    ],
    seats: ['p1', 'p2', 'p3'],
    commands,
    permission,
    run(state, actorId, command) {
      now += 1000;
      const result = decide(state, command, {
        actor: { kind: 'participant', id: actorId },
        now,
        newId: (kind) => `${kind}-${++id}`,
      });
      if (!result.ok) return { ok: false, code: result.error.code, message: result.error.message };
      return { ok: true, changed: result.events.length > 0, next: applyAll(state, result.events) };
    },
  };
}
