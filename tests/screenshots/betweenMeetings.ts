import type { KindCommandInput } from '@runde/shared';
import type { Browser, Page } from 'playwright-core';
import { joinTeamSpace, openTeamSpace, RemoteMember, seatBrowser } from '../support/remoteSeat.ts';
import { waitUntil } from '../support/serverClients.ts';
import { contextFor, shoot, waitForText } from './shots.ts';

const TEAM = 'Jugendhilfeplanung Kreis Lippe';
const BUDGET = 'Haushaltsbeauftragte:r';
const DAYCARE = 'Kindertagespflegebedarfsplanung';
const STAND_IN = 'Vertretung in Ausschüssen';
const PROPOSAL = 'Landesförderung';

const budgetRole = {
  name: BUDGET,
  purpose: 'Die Mittel der Jugendhilfeplanung sind geplant, belegt und rechtzeitig abgerufen.',
  accountabilities: [
    'Haushaltsanmeldungen für den Kreistag vorbereiten',
    'Mittelabrufe beim Landesjugendamt überwachen',
    'Quartalsbericht an die Kämmerei erstellen',
  ],
};
const standInRule = {
  title: STAND_IN,
  text: 'Vertretungen werden drei Werktage vorher benannt.',
};

/** Everyone present gives "no objection" in turn, over their sockets, until the round is done. */
async function noObjections(facilitator: RemoteMember, members: readonly RemoteMember[]): Promise<void> {
  const bySeat = new Map(members.map((member) => [member.seat.participantId, member]));
  for (;;) {
    const round = facilitator.space.meeting?.round;
    const speaker = round?.order[round.index];
    if (!speaker) return;
    const member = bySeat.get(speaker);
    if (!member) throw new Error(`no member for ${speaker}`);
    await member.run('objection:none', {});
    // The round is read from the facilitator's copy: it must hold this turn before the next is asked.
    const version = member.client.mirror.version;
    await waitUntil('the turn reaches the facilitator', () => facilitator.client.mirror.version >= version);
  }
}

/**
 * One governance tension through integrative decision-making with register changes (as
 * tests/integration/decisionArchive.test.ts plays it): its holder proposes, nobody objects, adopted.
 */
async function adoptInMeeting(
  facilitator: RemoteMember,
  holder: RemoteMember,
  members: readonly RemoteMember[],
  title: string,
  proposal: KindCommandInput<'proposal:set'>,
): Promise<void> {
  await facilitator.run('tension:start', { tensionId: facilitator.tensionId(title) });
  await holder.run('proposal:set', proposal);
  for (let i = 0; i < 4; i += 1) await facilitator.run('process:advance', {});
  await noObjections(facilitator, members);
  await facilitator.run('process:advance', {});
  await facilitator.run('tension:close', { gotWhatNeeded: null });
}

/**
 * Issue 17's work between meetings in "Jugendhilfeplanung Kreis Lippe": the register built by two
 * decisions of a governance meeting (the screenshot app's clock cannot move, so no window closes
 * here), a proposal waiting in its objection window with a question answered, and the team's
 * rhythm. Katrin facilitates on a laptop; Jonas's phone is photographed; everyone else acts over
 * sockets, and so does everyone while the scene is set.
 */
export async function betweenMeetings(browser: Browser, base: string): Promise<void> {
  const { created, facilitator: katrin } = await openTeamSpace(base, TEAM, 'Katrin');
  const code = created.joinCode;
  const mehmet = await joinTeamSpace(base, created.sessionId, 'Mehmet');
  const sophie = await joinTeamSpace(base, created.sessionId, 'Sophie');
  const jonas = await joinTeamSpace(base, created.sessionId, 'Jonas');
  const everyone = [katrin, mehmet, sophie, jonas];

  await katrin.run('space:set-rhythm', {
    timeZone: 'Europe/Berlin',
    meetings: [
      {
        room: 'operational',
        repeat: { every: 'week', interval: 1 },
        weekday: 1,
        time: '09:00',
        durationMinutes: 45,
        startsOn: '2026-11-02',
      },
      {
        room: 'governance',
        repeat: { every: 'month', nth: 1 },
        weekday: 3,
        time: '14:00',
        durationMinutes: 90,
        startsOn: '2026-11-04',
      },
    ],
    objectionWindowDays: 7,
  });

  // The governance meeting that made the register: two roles and a rule.
  const why = 'Wer behält den Haushalt der Jugendhilfeplanung im Blick?';
  await mehmet.addTension(why, 'governance');
  await katrin.meetingAtTensions('governance');
  await adoptInMeeting(katrin, mehmet, everyone, why, {
    proposal: 'Wir schaffen zwei Rollen und regeln die Vertretung in Ausschüssen.',
    changes: [
      { op: 'role:add', role: budgetRole, fillers: [mehmet.seat.participantId] },
      {
        op: 'role:add',
        role: {
          name: DAYCARE,
          purpose: 'Der Bedarf an Tagespflegeplätzen ist bekannt.',
          accountabilities: ['Bedarfszahlen jährlich abgleichen'],
        },
        fillers: [sophie.seat.participantId, jonas.seat.participantId],
      },
      { op: 'rule:add', rule: standInRule },
    ],
  });
  await katrin.run('meeting:end', {});

  // Between meetings: Sophie proposes to widen the budget role; Mehmet asks, Sophie answers.
  const budgetId = katrin.space.register.roles.find((role) => role.name === BUDGET)?.id;
  if (!budgetId) throw new Error(`no role ${BUDGET}`);
  await sophie.run('proposal:publish', {
    title: PROPOSAL,
    text: 'Förderanträge gehören zum Haushalt.',
    changes: [
      {
        op: 'role:amend',
        roleId: budgetId,
        role: {
          ...budgetRole,
          accountabilities: [...budgetRole.accountabilities, 'Förderanträge stellen'],
        },
      },
    ],
  });
  const proposalId = sophie.space.proposals.find((p) => p.title === PROPOSAL)?.id;
  if (!proposalId) throw new Error(`no proposal ${PROPOSAL}`);
  await mehmet.run('proposal:ask', { proposalId, text: 'Auch die Verwendungsnachweise?' });
  const questionId = sophie.space.proposals.find((p) => p.id === proposalId)?.questions[0]?.id;
  if (!questionId) throw new Error('no question');
  await sophie.run('proposal:answer', { proposalId, questionId, text: 'Ja, aus einer Hand.' });
  await katrin.run('proposal:respond', { proposalId, objection: null });
  await mehmet.run('proposal:respond', { proposalId, objection: null });

  // The next weekly sync builds its agenda: a question asked between meetings, and the backlog.
  await jonas.run('tension:add', {
    title: 'Wer übernimmt die Hilfeplangespräche im Januar?',
    description: '',
    room: 'operational',
    anonymous: false,
    async: true,
  });
  await sophie.addTension('Statistik für den Kinder- und Jugendförderplan fehlt noch', 'operational');

  // Jonas's phone: the roles and rules, the history of the amended role opened.
  const phone = await contextFor(browser, 'loop-phone-register.png', { locale: 'de-DE', scale: 2, mobile: true });
  await seatBrowser(phone, code, jonas.seat);
  const jonasPage = await phone.newPage();
  await jonasPage.goto(`${base}/t/${code}/register`);
  const rule = jonasPage.getByRole('article', { name: STAND_IN });
  await rule.getByText(`Verlauf von ${STAND_IN} (1)`, { exact: true }).click();
  await rule.getByText(/^Beschluss 1, /).waitFor();
  // The tap leaves the pointer over whatever scrolls under it; away from the buttons, none shows hover.
  await jonasPage.mouse.move(1, 1);
  // The role's name at the top, so the rule's history shows its first lines below.
  const daycare = jonasPage.getByRole('article', { name: DAYCARE }).getByRole('heading', { name: DAYCARE });
  await shoot(jonasPage, 'loop-phone-register.png', daycare, 8);

  // The proposal waiting for Jonas's response, in his space.
  await jonasPage.goto(`${base}/t/${code}`);
  const waiting = jonasPage.getByRole('region', { name: PROPOSAL, exact: true });
  await waiting.getByText('Ja, aus einer Hand.').waitFor();
  // Its title at the top (the badge above says what "Einwandfrist bis" says), so both buttons fit.
  await shoot(jonasPage, 'loop-phone-proposal.png', waiting.getByRole('heading', { name: PROPOSAL }), 4);

  // Katrin's laptop: the rhythm and the next dates.
  const laptop = await contextFor(browser, 'loop-laptop-rhythm.png', { locale: 'de-DE' });
  await seatBrowser(laptop, code, katrin.seat);
  const katrinPage: Page = await laptop.newPage();
  await katrinPage.goto(`${base}/t/${code}`);
  await waitForText(katrinPage, 'Wer übernimmt die Hilfeplangespräche im Januar?');
  const rhythm = katrinPage.getByRole('heading', { name: 'Rhythmus', exact: true });
  await rhythm.waitFor();
  await shoot(katrinPage, 'loop-laptop-rhythm.png', rhythm);

  for (const member of everyone) member.close();
  await Promise.all([phone.close(), laptop.close()]);
}
