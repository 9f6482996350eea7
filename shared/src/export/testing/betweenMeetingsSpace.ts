import { currentSpeaker } from '../../teamSpace/selectors.ts';
import type { TeamSpaceState } from '../../teamSpace/state.ts';
import { teamSpace } from '../../teamSpace/testing/fixtures.ts';

/**
 * A team space with work between meetings, made as a team makes it (every step a command through
 * `decide`; facilitator `p1` Fee, members `p2` Ana, `p3` Ben, `p4` Cem): a governance meeting adds
 * the role "Kasse" (decision 1); then, between meetings, Ana's tension is answered on phones and
 * resolved as Cem's next action, Ana's proposal amending the role is adopted when its window
 * closes (Cem did not respond; decision 2), and Ben's proposal adding a rule meets Cem's objection
 * and goes to the next governance meeting, which integrates it and adopts it (decision 3). For
 * the backup and minutes tests.
 */
export function betweenMeetingsSpace(): TeamSpaceState {
  const s = teamSpace();
  const objectionRound = () => {
    while (s.state.meeting!.round!.index < s.state.meeting!.round!.order.length) {
      s.run(currentSpeaker(s.state.meeting!.round)!, { type: 'objection:none' });
    }
  };

  // Meeting 1: the role is created.
  const roleTension = s.addTension('p2', 'Niemand kümmert sich um die Kasse', 'governance');
  s.meetingAtTensions('governance');
  s.run('p1', { type: 'tension:start', tensionId: roleTension });
  s.run('p2', {
    type: 'proposal:set',
    proposal: 'Wir schaffen die Rolle Kasse.',
    changes: [
      {
        op: 'role:add',
        role: { name: 'Kasse', purpose: 'Das Geld des Teams ist im Blick.', accountabilities: ['Belege sammeln'] },
        fillers: ['p3'],
      },
    ],
  });
  for (let i = 0; i < 4; i += 1) s.run('p1', { type: 'process:advance' });
  objectionRound();
  s.run('p1', { type: 'process:advance' });
  s.run('p1', { type: 'tension:close', gotWhatNeeded: null });
  s.run('p1', { type: 'meeting:end' });
  const roleId = s.state.register.roles[0]!.id;

  // Between meetings: a tension answered on phones.
  s.ctx.tick(86_400_000);
  const key = s.addTension('p2', 'Wo ist der Schlüssel zum Archiv?', 'operational');
  s.run('p2', { type: 'tension:ask-async', tensionId: key, async: true });
  s.run('p3', { type: 'tension:async-answer', tensionId: key, kind: 'information', text: 'Beim Hausmeister.' });
  s.run('p4', { type: 'tension:async-answer', tensionId: key, kind: 'action', text: 'Ich hole ihn morgen.' });
  s.run('p2', {
    type: 'tension:async-resolve',
    tensionId: key,
    outcome: {
      type: 'next-action',
      text: 'Schlüssel beim Hausmeister holen',
      ownerId: 'p4',
      ownerName: null,
      due: null,
    },
  });

  // Two proposals with an objection window.
  s.run('p2', {
    type: 'proposal:publish',
    title: 'Zweck der Kasse schärfen',
    text: 'Die Kasse berichtet monatlich.',
    changes: [
      {
        op: 'role:amend',
        roleId,
        role: {
          name: 'Kasse',
          purpose: 'Das Geld des Teams ist im Blick und belegt.',
          accountabilities: ['Belege sammeln', 'Monatlich den Kassenstand berichten'],
        },
      },
    ],
  });
  const amend = s.state.proposals.at(-1)!;
  s.run('p3', {
    type: 'proposal:publish',
    title: 'Urlaubsregel',
    text: 'Urlaub steht zwei Wochen vorher im Kalender.',
    changes: [
      { op: 'rule:add', rule: { title: 'Urlaub eintragen', text: 'Urlaub steht zwei Wochen vorher im Kalender.' } },
    ],
  });
  const rule = s.state.proposals.at(-1)!;
  s.run('p2', { type: 'proposal:ask', proposalId: rule.id, text: 'Gilt das auch für einzelne Tage?' });
  const question = s.state.proposals.find((p) => p.id === rule.id)!.questions[0]!;
  s.run('p3', { type: 'proposal:answer', proposalId: rule.id, questionId: question.id, text: 'Ja.' });
  s.run('p1', { type: 'proposal:react', proposalId: rule.id, text: 'Gute Idee.' });
  for (const id of ['p1', 'p2', 'p3']) s.run(id, { type: 'proposal:respond', proposalId: amend.id, objection: null });
  s.run('p2', { type: 'proposal:respond', proposalId: rule.id, objection: null });
  s.run('p4', { type: 'proposal:respond', proposalId: rule.id, objection: 'Bei Krankheit geht das nicht.' });
  s.ctx.tick(Math.max(amend.closesAt, rule.closesAt) - s.ctx.now);
  s.run('system', { type: 'proposal:close-due' });

  // Meeting 2: the objected proposal is integrated and adopted.
  s.ctx.tick(86_400_000);
  s.meetingAtTensions('governance');
  s.run('p1', { type: 'tension:start', tensionId: rule.tensionId });
  const integrated = 'Urlaub steht zwei Wochen vorher im Kalender; bei Krankheit sofort.';
  s.run('p3', {
    type: 'proposal:set',
    proposal: integrated,
    changes: [{ op: 'rule:add', rule: { title: 'Urlaub eintragen', text: integrated } }],
  });
  for (const o of s.state.meeting!.process!.objections) {
    s.run('p3', { type: 'objection:integrate', objectionId: o.id });
  }
  s.run('p1', { type: 'process:advance' });
  objectionRound();
  s.run('p1', { type: 'process:advance' });
  s.run('p1', { type: 'tension:close', gotWhatNeeded: null });
  s.run('p1', { type: 'meeting:end' });
  return s.state;
}
