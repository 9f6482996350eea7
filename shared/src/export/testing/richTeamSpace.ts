import type { ProposalCloseDueCommand } from '../../protocol/betweenMeetingsCommands.ts';
import type { LoopCommand } from '../../protocol/loopCommands.ts';
import { loopArchivedByFold, type ArchivedItem } from '../../teamSpace/archive.ts';
import { currentSpeaker } from '../../teamSpace/selectors.ts';
import type { RoomKey, TeamSpaceState } from '../../teamSpace/state.ts';
import { teamSpace } from '../../teamSpace/testing/fixtures.ts';

export interface RichTeamSpaceOptions {
  /** Weekly sync meetings, each ended (so the oldest move to the archive). */
  weeks: number;
  /** Tensions each sync meeting takes up, with every kind of outcome in turn. */
  tensionsPerWeek: number;
  /** Governance proposals adopted each week (a governance meeting when above 0). */
  decisionsPerWeek: number;
}

/**
 * A team space with a history, made the way a team makes one: every step a command through
 * `decideLoop` (from the `teamSpace()` fixture: facilitator `p1` and members `p2`–`p4`). Holds
 * tensions of every status and room (anonymous and private ones too), actions open and done,
 * check-in rounds, adopted decisions, and whatever the fold moved to the archive, as the server
 * would have stored it. For backup tests and the figures of a two-year space.
 */
export function richTeamSpace(options: RichTeamSpaceOptions): { state: TeamSpaceState; archive: ArchivedItem[] } {
  const s = teamSpace();
  const archive: ArchivedItem[] = [];
  const run = (actor: string, command: LoopCommand | ProposalCloseDueCommand) => {
    const before = s.state;
    s.run(actor, command);
    archive.push(...loopArchivedByFold(before, s.state, s.ctx.now));
  };
  const members = ['p1', 'p2', 'p3', 'p4'];
  const addTension = (author: string, title: string, room: RoomKey, anonymous = false) => {
    run(author, { type: 'tension:add', title, description: `Worum es geht: ${title}`, room, anonymous });
    const id = s.state.tensions.at(-1)?.id;
    if (!id) throw new Error('tension missing');
    return id;
  };
  const toTensions = (room: RoomKey) => {
    run('p1', { type: 'meeting:start', room });
    while (s.state.meeting?.stage !== 'tensions') run('p1', { type: 'meeting:advance' });
  };
  const everyoneSpeaks = () => {
    while (s.state.meeting?.round && s.state.meeting.round.index < s.state.meeting.round.order.length) {
      const speaker = currentSpeaker(s.state.meeting.round);
      if (!speaker) break;
      run(speaker, { type: 'objection:none' });
    }
  };
  const checkIn = () => {
    run('p1', { type: 'round:start', kind: 'checkin' });
    for (let i = 0; i < members.length; i += 1) run('p1', { type: 'round:next' });
  };

  for (let week = 0; week < options.weeks; week += 1) {
    const ids = Array.from({ length: options.tensionsPerWeek }, (_, i) =>
      addTension(members[(week + i) % members.length]!, `Woche ${week + 1}, Spannung ${i + 1}`, 'operational', i === 1),
    );
    // One tension a week is withdrawn before the meeting: closed without an outcome.
    const withdrawn = addTension('p3', `Woche ${week + 1}: erledigt sich von selbst`, 'operational');
    run('p3', { type: 'tension:withdraw', tensionId: withdrawn });
    toTensions('operational');
    if (week % 4 === 0) checkIn();
    ids.forEach((tensionId, i) => {
      run('p1', { type: 'tension:start', tensionId });
      const owner = { ownerId: members[i % members.length]!, ownerName: null, due: '2031-06-30' };
      const outcomes = [
        { type: 'information', note: 'Zur Kenntnis genommen.' },
        { type: 'next-action', text: `Nächster Schritt zu ${i + 1}`, ...owner },
        { type: 'project', text: `Projekt zu ${i + 1}`, ...owner },
        { type: 'help', note: 'Ana hilft.' },
        { type: 'sharing', note: '' },
      ] as const;
      run('p1', { type: 'tension:outcome', outcome: outcomes[i % outcomes.length]! });
      run('p1', { type: 'tension:close', gotWhatNeeded: i % 3 === 0 ? null : i % 3 === 1 });
    });
    run('p1', { type: 'meeting:end' });
    // Last week's actions are done by now.
    for (const action of s.state.actions.filter((a) => a.status === 'open' && a.kind === 'next-action')) {
      run('p1', { type: 'action:set-status', actionId: action.id, status: 'done' });
    }
    if (options.decisionsPerWeek > 0) {
      const proposals = Array.from({ length: options.decisionsPerWeek }, (_, i) =>
        addTension('p2', `Regel ${week + 1}.${i + 1}`, 'governance'),
      );
      toTensions('governance');
      for (const tensionId of proposals) {
        run('p1', { type: 'tension:start', tensionId });
        run('p2', { type: 'proposal:set', proposal: `Wir beschließen Regel ${tensionId}.` });
        while (s.state.meeting?.process?.step !== 'objection') run('p1', { type: 'process:advance' });
        everyoneSpeaks();
        run('p1', { type: 'process:advance' });
        run('p1', { type: 'tension:close', gotWhatNeeded: true });
      }
      run('p1', { type: 'meeting:end' });
    }
  }
  // A private tension, read only by those at its meeting, and a backlog still open.
  const personal = addTension('p4', 'Wie wir miteinander reden', 'relationship');
  toTensions('relationship');
  run('p1', { type: 'tension:start', tensionId: personal });
  run('p1', { type: 'tension:agreement', agreement: 'Wir sprechen Konflikte zeitnah an.' });
  run('p1', { type: 'tension:close', gotWhatNeeded: true });
  run('p1', { type: 'meeting:end' });
  addTension('p2', 'Offen: Urlaubsplanung', 'operational');
  addTension('p3', 'Offen: anonym', 'individual', true);
  // Work between meetings: an anonymous tension asked on phones and answered, a proposal adopted
  // by its window (a role), and one to fill it that an objection sent to the next meeting.
  const asked = addTension('p4', 'Zwischendurch: wer hat den Beamer?', 'operational', true);
  run('p4', { type: 'tension:ask-async', tensionId: asked, async: true });
  run('p2', { type: 'tension:async-answer', tensionId: asked, kind: 'information', text: 'Im Schrank.' });
  run('p1', {
    type: 'proposal:publish',
    title: 'Rolle Beamer',
    text: 'Eine Rolle kümmert sich um die Technik.',
    changes: [
      { op: 'role:add', role: { name: 'Technik', purpose: 'Beamer läuft', accountabilities: [] }, fillers: [] },
    ],
  });
  const adopted = s.state.proposals.at(-1)!;
  for (const id of members) run(id, { type: 'proposal:respond', proposalId: adopted.id, objection: null });
  s.ctx.tick(adopted.closesAt - s.ctx.now);
  run('system', { type: 'proposal:close-due' });
  run('p2', {
    type: 'proposal:publish',
    title: 'Technik besetzen',
    text: 'Ben übernimmt die Technik.',
    changes: [{ op: 'role:assign', roleId: s.state.register.roles.at(-1)!.id, fillers: ['p3'] }],
  });
  const objected = s.state.proposals.at(-1)!;
  run('p3', { type: 'proposal:respond', proposalId: objected.id, objection: 'Ich habe keine Zeit.' });
  // Its window is closed too (it goes to a meeting): a server given this space has nothing due to
  // close behind a test's back.
  s.ctx.tick(objected.closesAt - s.ctx.now);
  run('system', { type: 'proposal:close-due' });
  return { state: s.state, archive };
}
