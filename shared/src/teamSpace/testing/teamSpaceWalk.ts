import fc from 'fast-check';
import type { LoopCommand } from '../../protocol/loopCommands.ts';
import { idFrom, pick, type PermissionWalk, type WalkStep } from '../../core/testing/permissionWalk.ts';
import { applyLoopAll } from '../apply.ts';
import { decideLoop } from '../decide.ts';
import { teamSpacePermission } from '../permissions.ts';
import { currentSpeaker, currentTension } from '../selectors.ts';
import { roomKeys, type TeamSpaceState } from '../state.ts';
import { teamSpace } from './fixtures.ts';

type Recipe = (state: TeamSpaceState) => WalkStep<LoopCommand> | undefined;
type EmptyType =
  | 'meeting:advance'
  | 'meeting:back'
  | 'meeting:end'
  | 'round:next'
  | 'round:pass'
  | 'process:advance'
  | 'process:back'
  | 'objection:none'
  | 'timer:pause'
  | 'timer:resume'
  | 'timer:reset'
  | 'timer:expire';

const nat = fc.nat(60);
const room = fc.constantFrom(...roomKeys);
const memberIds = (s: TeamSpaceState) => s.participants.map((p) => p.id);
const tensionIds = (s: TeamSpaceState) => s.tensions.map((t) => t.id);
const holderOf = (s: TeamSpaceState, id: string) => s.tensions.find((t) => t.id === id)?.authorId;
const actionIds = (s: TeamSpaceState) => s.actions.map((a) => a.id);
const ownerOf = (s: TeamSpaceState, id: string) => s.actions.find((a) => a.id === id)?.ownerId;
/** Mostly a tension asked between meetings (where answers and resolving branch), sometimes any. */
const askedOrAny = (s: TeamSpaceState, n: number) => {
  const asked = s.tensions.filter((t) => t.async !== null).map((t) => t.id);
  return n % 3 !== 0 && asked.length > 0 ? idFrom(asked, n) : idFrom(tensionIds(s), n);
};
const proposalFrom = (s: TeamSpaceState, n: number) => s.proposals[n % Math.max(1, s.proposals.length)];
const objectionIds = (s: TeamSpaceState) => s.meeting?.process?.objections.map((o) => o.id) ?? [];
const proposer = (s: TeamSpaceState) => s.meeting?.process?.proposerId;
/** Speaks in the running round, or (with no round) holds the tension on the table. */
const speaker = (s: TeamSpaceState) => currentSpeaker(s.meeting?.round ?? null) ?? currentTension(s)?.authorId;
const empty = (type: EmptyType) =>
  fc.constant((s: TeamSpaceState): WalkStep<Extract<LoopCommand, { type: EmptyType }>> => ({
    command: { type },
    related: speaker(s),
  }));
const byTension =
  (type: 'tension:withdraw' | 'meeting:agenda-add' | 'meeting:agenda-remove') =>
  (n: number): Recipe =>
  (s) => {
    const tensionId = idFrom(tensionIds(s), n);
    return { command: { type, tensionId }, related: holderOf(s, tensionId) };
  };

/** One generator per team-space command: a new command type does not compile until it has one. */
const commands: PermissionWalk<TeamSpaceState, LoopCommand>['commands'] = {
  'space:update': fc.option(fc.constantFrom('Neu', 'Team')).map((title): Recipe => () => ({
    command: title === null ? { type: 'space:update', checklist: ['Post'] } : { type: 'space:update', title },
  })),
  'participant:rename': fc
    .constantFrom('Ana', 'Neu')
    .map((name): Recipe => () => ({ command: { type: 'participant:rename', name } })),
  'participant:set-role': fc
    .record({ n: nat, role: fc.constantFrom('facilitator' as const, 'participant' as const) })
    .map(({ n, role }): Recipe => (s) => {
      const participantId = idFrom(memberIds(s), n);
      return { command: { type: 'participant:set-role', participantId, role }, related: participantId };
    }),
  'access:set': fc
    .record({ signIn: fc.boolean(), group: fc.option(fc.constant('runde-moderation')) })
    .map(({ signIn, group }): Recipe => () => ({
      command: { type: 'access:set', signIn, facilitatorGroup: group },
    })),
  'tension:add': fc
    .record({ room, anonymous: fc.boolean(), async: fc.boolean() })
    .map(({ room, anonymous, async }): Recipe => () => ({
      command: { type: 'tension:add', title: 'Neu', description: '', room, anonymous, async },
    })),
  'tension:edit': nat.map((n): Recipe => (s) => {
    const tensionId = idFrom(tensionIds(s), n);
    return {
      command: { type: 'tension:edit', tensionId, title: 'Anders', description: '' },
      related: holderOf(s, tensionId),
    };
  }),
  'tension:withdraw': nat.map(byTension('tension:withdraw')),
  'tension:assign-room': fc.record({ n: nat, room }).map(({ n, room }): Recipe => (s) => {
    const tensionId = idFrom(tensionIds(s), n);
    return { command: { type: 'tension:assign-room', tensionId, room }, related: holderOf(s, tensionId) };
  }),
  'tension:set-shareable': fc.record({ n: nat, shareable: fc.boolean() }).map(({ n, shareable }): Recipe => (s) => {
    const tensionId = idFrom(tensionIds(s), n);
    return { command: { type: 'tension:set-shareable', tensionId, shareable }, related: holderOf(s, tensionId) };
  }),
  'tension:start': fc.record({ n: nat, by: fc.option(nat) }).map(({ n, by }): Recipe => (s) => {
    const tensionId = idFrom(tensionIds(s), n);
    const proposerId = by === null ? undefined : pick(memberIds(s), by);
    return {
      command: proposerId ? { type: 'tension:start', tensionId, proposerId } : { type: 'tension:start', tensionId },
      related: holderOf(s, tensionId),
    };
  }),
  'tension:outcome': fc
    .record({ kind: fc.constantFrom('information' as const, 'next-action' as const, 'to-governance' as const), n: nat })
    .map(({ kind, n }): Recipe => (s) => ({
      command: {
        type: 'tension:outcome',
        outcome:
          kind === 'next-action'
            ? { type: kind, text: 'Tun', ownerId: pick(memberIds(s), n) ?? null, ownerName: null, due: null }
            : kind === 'information'
              ? { type: kind, note: '' }
              : { type: kind },
      },
      related: currentTension(s)?.authorId,
    })),
  'tension:agreement': fc.constant((s: TeamSpaceState): WalkStep<LoopCommand> => ({
    command: { type: 'tension:agreement', agreement: 'Wir reden.' },
    related: currentTension(s)?.authorId,
  })),
  'tension:answer': fc.option(fc.boolean()).map((gotWhatNeeded): Recipe => (s) => ({
    command: { type: 'tension:answer', gotWhatNeeded },
    related: currentTension(s)?.authorId,
  })),
  'tension:close': fc.option(fc.boolean()).map((gotWhatNeeded): Recipe => (s) => ({
    command: { type: 'tension:close', gotWhatNeeded },
    related: currentTension(s)?.authorId,
  })),
  'action:update': fc.record({ n: nat, owner: fc.option(nat) }).map(({ n, owner }): Recipe => (s) => {
    const actionId = idFrom(actionIds(s), n);
    return {
      command: {
        type: 'action:update',
        actionId,
        text: 'Anders',
        ownerId: owner === null ? null : (pick(memberIds(s), owner) ?? null),
        ownerName: null,
        due: null,
      },
      related: ownerOf(s, actionId),
    };
  }),
  'action:set-status': fc
    .record({ n: nat, status: fc.constantFrom('open' as const, 'done' as const) })
    .map(({ n, status }): Recipe => (s) => {
      const actionId = idFrom(actionIds(s), n);
      return { command: { type: 'action:set-status', actionId, status }, related: ownerOf(s, actionId) };
    }),
  'meeting:start': room.map((room): Recipe => () => ({ command: { type: 'meeting:start', room } })),
  'meeting:assign-role': fc
    .record({ n: nat, role: fc.constantFrom('facilitator' as const, 'scribe' as const) })
    .map(({ n, role }): Recipe => (s) => {
      const participantId = idFrom(memberIds(s), n);
      return { command: { type: 'meeting:assign-role', role, participantId }, related: participantId };
    }),
  'meeting:advance': empty('meeting:advance'),
  'meeting:back': empty('meeting:back'),
  'meeting:end': empty('meeting:end'),
  'meeting:mark-checklist': fc
    .record({ index: fc.nat(2), done: fc.option(fc.boolean()) })
    .map(({ index, done }): Recipe => () => ({ command: { type: 'meeting:mark-checklist', index, done } })),
  'meeting:set-metric': fc
    .nat(2)
    .map((index): Recipe => () => ({ command: { type: 'meeting:set-metric', index, value: '3' } })),
  'meeting:update-project': nat.map((n): Recipe => (s) => {
    const actionId = idFrom(actionIds(s), n);
    return { command: { type: 'meeting:update-project', actionId, note: 'Läuft' }, related: ownerOf(s, actionId) };
  }),
  'meeting:agenda-add': nat.map(byTension('meeting:agenda-add')),
  'meeting:agenda-remove': nat.map(byTension('meeting:agenda-remove')),
  'round:start': fc
    .constantFrom('checkin' as const, 'closing' as const, 'personal' as const)
    .map((kind): Recipe => () => ({ command: { type: 'round:start', kind } })),
  'round:next': empty('round:next'),
  'round:pass': empty('round:pass'),
  'proposal:set': fc.constant((s: TeamSpaceState): WalkStep<LoopCommand> => ({
    command: { type: 'proposal:set', proposal: 'So machen wir es.' },
    related: proposer(s),
  })),
  'process:advance': empty('process:advance'),
  'process:back': empty('process:back'),
  'objection:raise': fc.constant((s: TeamSpaceState): WalkStep<LoopCommand> => ({
    command: { type: 'objection:raise', reason: 'Zu teuer.' },
    related: speaker(s),
  })),
  'objection:none': empty('objection:none'),
  'objection:mark-absent': nat.map((n): Recipe => (s) => {
    const participantId = n % 3 === 0 ? idFrom(memberIds(s), n) : (speaker(s) ?? 'nope');
    // Marking absent is the part of whoever runs the meeting.
    return { command: { type: 'objection:mark-absent', participantId }, related: s.meeting?.facilitatorId };
  }),
  'objection:test': fc.record({ n: nat, valid: fc.boolean() }).map(({ n, valid }): Recipe => (s) => ({
    command: { type: 'objection:test', objectionId: idFrom(objectionIds(s), n), valid },
    // Testing is the part of whoever runs the meeting.
    related: s.meeting?.facilitatorId,
  })),
  'objection:integrate': nat.map((n): Recipe => (s) => ({
    command: { type: 'objection:integrate', objectionId: idFrom(objectionIds(s), n) },
    related: proposer(s),
  })),
  'timer:start': fc
    .integer({ min: 1, max: 5 })
    .map((minutes): Recipe => () => ({ command: { type: 'timer:start', minutes } })),
  'timer:pause': empty('timer:pause'),
  'timer:resume': empty('timer:resume'),
  'timer:add': fc
    .integer({ min: 1, max: 5 })
    .map((minutes): Recipe => () => ({ command: { type: 'timer:add', minutes } })),
  'timer:reset': empty('timer:reset'),
  'timer:expire': empty('timer:expire'),
  // Between meetings (issue 17): contract stubs, the domain's engineer completes them.
  'tension:ask-async': fc.record({ n: nat, ask: fc.boolean() }).map(({ n, ask }): Recipe => (s) => {
    const tensionId = idFrom(tensionIds(s), n);
    return { command: { type: 'tension:ask-async', tensionId, async: ask }, related: holderOf(s, tensionId) };
  }),
  'tension:async-answer': nat.map((n): Recipe => (s) => {
    const tensionId = askedOrAny(s, n);
    return {
      command: { type: 'tension:async-answer', tensionId, kind: 'information', text: 'So.' },
      related: holderOf(s, tensionId),
    };
  }),
  'tension:async-resolve': nat.map((n): Recipe => (s) => {
    const tensionId = askedOrAny(s, n);
    return {
      command: { type: 'tension:async-resolve', tensionId, outcome: { type: 'information', note: '' } },
      related: holderOf(s, tensionId),
    };
  }),
  // Some name an existing tension (only the holder's own open governance tension is accepted).
  'proposal:publish': fc.option(nat).map((n): Recipe => (s) => {
    const tensionId = n === null ? undefined : idFrom(tensionIds(s), n);
    return {
      command: { type: 'proposal:publish', title: 'Rolle', text: 'Neue Rolle.', changes: [], tensionId },
      related: tensionId === undefined ? undefined : holderOf(s, tensionId),
    };
  }),
  'proposal:ask': nat.map((n): Recipe => (s) => {
    const p = proposalFrom(s, n);
    return p && { command: { type: 'proposal:ask', proposalId: p.id, text: 'Wie?' }, related: p.authorId };
  }),
  'proposal:answer': fc.record({ n: nat, m: nat }).map(({ n, m }): Recipe => (s) => {
    const p = proposalFrom(s, n);
    const q = p?.questions[m % Math.max(1, p.questions.length)];
    return p && q
      ? { command: { type: 'proposal:answer', proposalId: p.id, questionId: q.id, text: 'So.' }, related: p.authorId }
      : undefined;
  }),
  'proposal:react': nat.map((n): Recipe => (s) => {
    const p = proposalFrom(s, n);
    return p && { command: { type: 'proposal:react', proposalId: p.id, text: 'Gut.' }, related: p.authorId };
  }),
  'proposal:respond': fc.record({ n: nat, object: fc.boolean() }).map(({ n, object }): Recipe => (s) => {
    const p = proposalFrom(s, n);
    return p && { command: { type: 'proposal:respond', proposalId: p.id, objection: object ? 'Schadet.' : null } };
  }),
  'proposal:withdraw': nat.map((n): Recipe => (s) => {
    const p = proposalFrom(s, n);
    return p && { command: { type: 'proposal:withdraw', proposalId: p.id }, related: p.authorId };
  }),
  'proposal:to-meeting': nat.map((n): Recipe => (s) => {
    const p = proposalFrom(s, n);
    return p && { command: { type: 'proposal:to-meeting', proposalId: p.id }, related: p.authorId };
  }),
  'space:set-rhythm': fc.constant((): WalkStep<LoopCommand> => ({
    command: { type: 'space:set-rhythm', timeZone: 'Europe/Berlin', meetings: [], objectionWindowDays: 7 },
  })),
};

type Stage =
  'idle' | 'between' | 'sync' | 'checkin' | 'proposal' | 'objection' | 'integration' | 'personal' | 'stand-in';

/**
 * A team space (facilitator `p1`, members `p2`–`p4`, all online) with tensions in every room, an
 * action owned by `p2` from an earlier meeting, and, by `stage`, a meeting under way: a sync
 * tension on the table with `p3` as scribe, a check-in round, a governance proposal by `p3` in its
 * proposal step, in its objection round (`p1` has objected, `p2` is next) or in integration, a personal-room round, or a meeting `p2` runs.
 */
function space(stage: Stage) {
  return () => {
    const s = teamSpace();
    s.run('p1', { type: 'space:update', checklist: ['Post', 'Kasse'], metrics: ['Fälle'] });
    const sync = s.addTension('p2', 'Drucker', 'operational');
    s.addTension('p4', 'Kaffee', 'operational', true);
    const governance = s.addTension('p3', 'Budgetregel', 'governance');
    const personal = s.addTension('p2', 'Zeit', 'individual');
    s.meetingAtTensions('operational');
    s.run('p1', { type: 'tension:start', tensionId: sync });
    s.run('p1', {
      type: 'tension:outcome',
      outcome: { type: 'next-action', text: 'Anrufen', ownerId: 'p2', ownerName: null, due: null },
    });
    s.run('p1', { type: 'tension:close', gotWhatNeeded: true });
    s.run('p1', { type: 'meeting:end' });
    const later = s.addTension('p2', 'Papier', 'operational');
    switch (stage) {
      case 'idle':
        return s.state;
      case 'between': {
        // Work between meetings: an asked tension with an answer, a proposal with a question.
        s.run('p2', { type: 'tension:ask-async', tensionId: later, async: true });
        s.run('p3', { type: 'tension:async-answer', tensionId: later, kind: 'information', text: 'So.' });
        s.run('p4', { type: 'proposal:publish', title: 'Rolle', text: 'Neue Rolle.', changes: [] });
        const [proposal] = s.state.proposals;
        if (proposal) s.run('p2', { type: 'proposal:ask', proposalId: proposal.id, text: 'Wer?' });
        s.run('p3', {
          type: 'proposal:publish',
          tensionId: governance,
          title: 'Budget',
          text: 'Ab 500 €.',
          changes: [],
        });
        return s.state;
      }
      case 'sync':
        s.meetingAtTensions('operational');
        s.run('p1', { type: 'meeting:assign-role', role: 'scribe', participantId: 'p3' });
        s.run('p1', { type: 'tension:start', tensionId: later });
        return s.state;
      case 'checkin':
        s.run('p1', { type: 'meeting:start', room: 'operational' });
        s.run('p1', { type: 'round:start', kind: 'checkin' });
        return s.state;
      case 'stand-in':
        s.run('p1', { type: 'meeting:start', room: 'governance' });
        s.run('p1', { type: 'meeting:assign-role', role: 'facilitator', participantId: 'p2' });
        s.run('p2', { type: 'round:start', kind: 'checkin' });
        return s.state;
      case 'personal':
        s.meetingAtTensions('individual');
        s.run('p1', { type: 'tension:start', tensionId: personal });
        return s.state;
      default:
        break;
    }
    s.meetingAtTensions('governance');
    s.run('p1', { type: 'tension:start', tensionId: governance });
    if (stage === 'proposal') return s.state;
    s.run('p3', { type: 'proposal:set', proposal: 'Ab 500 € fragen wir.' });
    while (s.state.meeting?.process?.step !== 'objection') s.run('p1', { type: 'process:advance' });
    s.run('p1', { type: 'objection:raise', reason: 'Zu niedrig.' });
    if (stage === 'objection') return s.state;
    for (const id of ['p2', 'p3', 'p4']) s.run(id, { type: 'objection:none' });
    s.run('p1', { type: 'process:advance' });
    return s.state;
  };
}

/**
 * The team-space walk for `walkPermissions`: spaces with and without a meeting, rounds, every
 * step of a governance proposal, every command, and the shared predicate (or one a test passes in).
 */
export function teamSpaceWalk(
  permission: PermissionWalk<TeamSpaceState, LoopCommand>['permission'] = teamSpacePermission,
): PermissionWalk<TeamSpaceState, LoopCommand> {
  let now = 1_800_000_000_000;
  let id = 0;
  const stages: Stage[] = [
    'idle',
    'between',
    'sync',
    'checkin',
    'proposal',
    'objection',
    'integration',
    'personal',
    'stand-in',
  ];
  return {
    starts: [
      ...stages.map(space),
      // Seats bound to a sign-in: access:set may require sign-in from here.
      () =>
        applyLoopAll(space('idle')(), [
          { type: 'participant:bound', participantId: 'p1' },
          { type: 'participant:bound', participantId: 'p2' },
        ]),
    ],
    seats: ['p1', 'p2', 'p3', 'p4'],
    commands,
    permission,
    run(state, actorId, command) {
      now += 1000;
      const result = decideLoop(state, command, {
        actor: { kind: 'participant', id: actorId },
        now,
        newId: (kind) => `${kind}-${++id}`,
      });
      if (!result.ok) return { ok: false, code: result.error.code, message: result.error.message };
      return { ok: true, changed: result.events.length > 0, next: applyLoopAll(state, result.events) };
    },
  };
}
