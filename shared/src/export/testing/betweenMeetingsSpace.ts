import type { LoopCommand } from '../../protocol/loopCommands.ts';
import { currentSpeaker } from '../../teamSpace/selectors.ts';
import { teamSpaceKind } from '../../teamSpace/teamSpaceKind.ts';
import { applyRegisterChanges } from '../../teamSpace/register.ts';
import { emptyRegister, type RoleContent } from '../../teamSpace/registerTypes.ts';
import type { Decision, TeamSpaceState } from '../../teamSpace/state.ts';
import { teamSpace } from '../../teamSpace/testing/fixtures.ts';

const DAY = 86_400_000;

/**
 * A team space with work between meetings, for the backup and minutes tests: a governance meeting
 * adds the role "Kasse" (decision 1); then, between meetings, a tension is answered on phones and
 * resolved as a next action, a proposal amending the role is adopted when its window closes (Cem
 * did not respond), and a proposal adding a rule meets Cem's objection and goes to the next
 * governance meeting, which integrates it and adopts it (decision 3).
 *
 * Meetings run through `decide`; the between-meetings part is written into the state as the
 * domain records it (the contract on `main` still refuses those commands), so these tests need no
 * domain that is built in parallel.
 */
export function betweenMeetingsSpace(): TeamSpaceState {
  const harness = teamSpace();
  // The harness's runner over a state this fixture may also write between commands.
  const s = {
    state: harness.state,
    ctx: harness.ctx,
    addTension: (actor: string, title: string, room: 'operational' | 'governance') => {
      s.run(actor, { type: 'tension:add', title, description: '', room, anonymous: false });
      return s.state.tensions.at(-1)!.id;
    },
    run(actor: string, command: LoopCommand) {
      harness.ctx.tick();
      const result = teamSpaceKind.decide(s.state, command, {
        actor: { kind: 'participant', id: actor },
        now: harness.ctx.now,
        newId: harness.ctx.newId,
      });
      if (!result.ok) throw new Error(`fixture command ${command.type} refused: ${result.error.code}`);
      s.state = result.events.reduce(teamSpaceKind.apply, s.state);
    },
    meetingAtTensions(room: 'governance') {
      s.run('p1', { type: 'meeting:start', room });
      while (s.state.meeting?.stage !== 'tensions') s.run('p1', { type: 'meeting:advance' });
    },
  };
  const adopt = (tensionId: string, proposal: string) => {
    s.run('p1', { type: 'tension:start', tensionId });
    const holder = s.state.tensions.find((t) => t.id === tensionId)!.authorId!;
    s.run(holder, { type: 'proposal:set', proposal });
    for (let i = 0; i < 4; i += 1) s.run('p1', { type: 'process:advance' });
    while (s.state.meeting!.round!.index < s.state.meeting!.round!.order.length) {
      s.run(currentSpeaker(s.state.meeting!.round)!, { type: 'objection:none' });
    }
    s.run('p1', { type: 'process:advance' });
    s.run('p1', { type: 'tension:close', gotWhatNeeded: null });
  };

  // Meeting 1: the role is created.
  const roleTension = s.addTension('p2', 'Niemand kümmert sich um die Kasse', 'governance');
  s.meetingAtTensions('governance');
  adopt(roleTension, 'Wir schaffen die Rolle Kasse.');
  s.run('p1', { type: 'meeting:end' });
  const kasse: RoleContent = {
    name: 'Kasse',
    purpose: 'Das Geld des Teams ist im Blick.',
    accountabilities: ['Belege sammeln'],
  };
  const first = s.state.decisions[0]!;
  const meeting1End = s.state.meetings[0]!.endedAt;
  const withRole: Decision = {
    ...first,
    changes: [{ op: 'role:add', roleId: 'role1', role: kasse, fillers: ['p3'] }],
  };

  // Between meetings.
  const t0 = meeting1End + DAY;
  const keyTension = s.addTension('p2', 'Wo ist der Schlüssel zum Archiv?', 'operational');
  const ruleTension = s.addTension('p3', 'Urlaub wird zu spät eingetragen', 'governance');
  const amendTension = s.addTension('p2', 'Die Kasse braucht einen klaren Zweck', 'governance');
  const state = s.state;
  const answers = [
    { id: 'ans1', by: 'p3', kind: 'information' as const, text: 'Beim Hausmeister.', at: t0 + 3_600_000 },
    { id: 'ans2', by: 'p4', kind: 'action' as const, text: 'Ich hole ihn morgen.', at: t0 + 7_200_000 },
  ];
  const keyAction = {
    id: 'act_key',
    kind: 'next-action' as const,
    text: 'Schlüssel beim Hausmeister holen',
    ownerId: 'p4',
    ownerName: 'Cem',
    due: null,
    status: 'open' as const,
    tensionId: keyTension,
    meetingId: null,
    createdAt: t0 + DAY,
  };
  const amended: RoleContent = {
    name: 'Kasse',
    purpose: 'Das Geld des Teams ist im Blick und belegt.',
    accountabilities: ['Belege sammeln', 'Monatlich den Kassenstand berichten'],
  };
  const amendDecision: Decision = {
    id: 'dec_amend',
    number: 2,
    tensionId: amendTension,
    title: 'Zweck der Kasse schärfen',
    text: 'Die Kasse berichtet monatlich.',
    adoptedAt: t0 + 7 * DAY,
    meetingId: null,
    present: ['Fee', 'Ana', 'Ben'],
    betweenMeetings: { proposalId: 'prop_amend', noResponse: ['Cem'] },
    changes: [{ op: 'role:amend', roleId: 'role1', role: amended }],
  };
  const ruleProposal = {
    id: 'prop_rule',
    tensionId: ruleTension,
    authorId: 'p3',
    title: 'Urlaubsregel',
    text: 'Urlaub steht zwei Wochen vorher im Kalender.',
    changes: [
      {
        op: 'rule:add' as const,
        ruleId: 'rule1',
        rule: { title: 'Urlaub eintragen', text: 'Urlaub steht zwei Wochen vorher im Kalender.' },
      },
    ],
    publishedAt: t0,
    closesAt: t0 + 7 * DAY,
    status: 'to-meeting' as const,
    closedAt: t0 + 7 * DAY,
    toMeeting: 'objection' as const,
    asked: ['p1', 'p2', 'p3', 'p4'],
    questions: [
      {
        id: 'q1',
        by: 'p2',
        text: 'Gilt das auch für einzelne Tage?',
        at: t0 + DAY,
        answer: 'Ja.',
        answeredAt: t0 + 2 * DAY,
      },
    ],
    reactions: [{ id: 'r1', by: 'p1', text: 'Gute Idee.', at: t0 + DAY }],
    responses: [
      { by: 'p2', at: t0 + 2 * DAY, objectionId: null },
      { by: 'p4', at: t0 + 3 * DAY, objectionId: 'obj1' },
    ],
    objections: [{ id: 'obj1', by: 'p4', reason: 'Bei Krankheit geht das nicht.', status: 'open' as const, round: 0 }],
    decisionId: null,
  };
  s.state = {
    ...state,
    tensions: state.tensions.map((t) => {
      if (t.id === keyTension) {
        return {
          ...t,
          status: 'resolved' as const,
          outcome: { type: 'next-action' as const, actionId: keyAction.id },
          gotWhatNeeded: true,
          resolvedAt: t0 + DAY,
          async: { askedAt: t0, answers },
        };
      }
      if (t.id === amendTension) return { ...t, status: 'resolved' as const, resolvedAt: amendDecision.adoptedAt };
      return t;
    }),
    actions: [...state.actions, keyAction],
    decisions: [withRole, amendDecision],
    decisionsAdopted: 2,
    register: [withRole, amendDecision].reduce(
      (register, d) =>
        applyRegisterChanges(register, {
          decisionId: d.id,
          decisionNumber: d.number,
          at: d.adoptedAt,
          changes: d.changes ?? [],
        }),
      emptyRegister(),
    ),
    proposals: [
      {
        id: 'prop_amend',
        tensionId: amendTension,
        authorId: 'p2',
        title: amendDecision.title,
        text: amendDecision.text,
        changes: amendDecision.changes!,
        publishedAt: t0,
        closesAt: amendDecision.adoptedAt,
        status: 'adopted',
        closedAt: amendDecision.adoptedAt,
        toMeeting: null,
        asked: ['p1', 'p2', 'p3', 'p4'],
        questions: [],
        reactions: [],
        responses: ['p1', 'p2', 'p3'].map((by, i) => ({ by, at: t0 + (i + 1) * DAY, objectionId: null })),
        objections: [],
        decisionId: amendDecision.id,
      },
      ruleProposal,
    ],
    between: [
      {
        kind: 'tension-resolved',
        id: 'b1',
        at: t0 + DAY,
        tensionId: keyTension,
        title: 'Wo ist der Schlüssel zum Archiv?',
        outcome: { type: 'next-action', actionId: keyAction.id },
        answers,
      },
      {
        kind: 'proposal-closed',
        id: 'b2',
        at: amendDecision.adoptedAt,
        proposalId: 'prop_amend',
        tensionId: amendTension,
        title: amendDecision.title,
        status: 'adopted',
        decisionId: amendDecision.id,
      },
      {
        kind: 'proposal-closed',
        id: 'b3',
        at: ruleProposal.closesAt,
        proposalId: ruleProposal.id,
        tensionId: ruleTension,
        title: ruleProposal.title,
        status: 'to-meeting',
        decisionId: null,
      },
    ],
    rhythm: {
      timeZone: 'Europe/Berlin',
      objectionWindowDays: 7,
      meetings: [
        {
          id: 'rh1',
          room: 'governance',
          repeat: { every: 'month', nth: 1 },
          weekday: 1,
          time: '09:00',
          durationMinutes: 60,
          startsOn: '2023-11-01',
        },
      ],
    },
  };
  s.ctx.tick(9 * DAY);

  // Meeting 2: the objected proposal is integrated and adopted.
  s.meetingAtTensions('governance');
  adopt(ruleTension, 'Urlaub steht zwei Wochen vorher im Kalender; bei Krankheit sofort.');
  s.run('p1', { type: 'meeting:end' });
  const third = s.state.decisions.at(-1)!;
  const rule = {
    title: 'Urlaub eintragen',
    text: 'Urlaub steht zwei Wochen vorher im Kalender; bei Krankheit sofort.',
  };
  return {
    ...s.state,
    decisions: s.state.decisions.map((d) =>
      d.id === third.id ? { ...d, changes: [{ op: 'rule:add', ruleId: 'rule1', rule }] } : d,
    ),
    register: applyRegisterChanges(s.state.register, {
      decisionId: third.id,
      decisionNumber: third.number,
      at: third.adoptedAt,
      changes: [{ op: 'rule:add', ruleId: 'rule1', rule }],
    }),
    proposals: s.state.proposals.map((p) =>
      p.id === 'prop_rule'
        ? {
            ...p,
            status: 'adopted-in-meeting',
            decisionId: third.id,
            objections: p.objections.map((o) => ({ ...o, status: 'integrated' })),
          }
        : p,
    ),
  };
}
