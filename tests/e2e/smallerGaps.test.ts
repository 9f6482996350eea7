import { describe, expect, it } from 'vitest';
import { desktopContext, phoneContext } from '../support/browser.ts';
import { browserSuite, click } from '../support/browserSuite.ts';
import { fill, messages } from '../support/messages.ts';
import { openTeamSpace, seatBrowser } from '../support/remoteSeat.ts';
import { joinOverHttp, startSession, waitUntil } from '../support/serverClients.ts';

const de = messages.de;

/** Issue 12, item 11: smaller gaps a real group hits, each seen on a phone in German. */
describe('smaller gaps', () => {
  const suite = browserSuite('e2e-smaller-gaps');

  it('a "Projekt" outcome takes a due date like a next action', async () => {
    const { created, facilitator } = await openTeamSpace(suite.app.server.url, 'Jugendamt Team', 'Fatma');
    try {
      const tension = await facilitator.addTension('Neue Website für das Jugendamt');
      await facilitator.meetingAtTensions('operational');
      await facilitator.run('tension:start', { tensionId: tension });
      const context = await phoneContext(suite.browser, { locale: 'de-DE' });
      await seatBrowser(context, created.sessionId, created);
      const page = await context.newPage();
      await page.goto(`${suite.app.server.url}/t/${created.sessionId}`);
      await page.getByRole('radio', { name: de.loop.outcomeTypes.project, exact: true }).check();
      await page.getByLabel(de.meeting.sync.project).fill('Website neu aufsetzen');
      await page.getByLabel(de.meeting.sync.due).fill('2027-03-31');
      await click(page, de.meeting.sync.save);
      await waitUntil('the project arrives', () => facilitator.space.actions.some((a) => a.kind === 'project'));
      expect(facilitator.space.actions.find((a) => a.kind === 'project')).toMatchObject({
        text: 'Website neu aufsetzen',
        due: '2027-03-31',
      });
      await context.close();
    } finally {
      facilitator.close();
    }
  });

  it('says "3 von 3 Punkten vergeben" and "Zusammenführen mit"', async () => {
    const session = await startSession(suite.app.server.url, { participants: 0, title: 'Teamrunde' });
    try {
      const fatma = session.facilitator;
      for (const title of ['Dienstplan', 'Fortbildung', 'Kaffeemaschine']) await fatma.send('topic:add', { title });
      const context = await desktopContext(suite.browser, { locale: 'de-DE' });
      await seatBrowser(context, session.sessionId, session.created);
      const page = await context.newPage();
      await page.goto(`${suite.app.server.url}/s/${session.sessionId}`);
      await click(page, fill(de.topics.mergeLabel, { title: 'Kaffeemaschine' }));
      await page.getByLabel('Zusammenführen mit', { exact: true }).waitFor();

      await fatma.send('phase:change', { to: 'vote' });
      await page.getByText('Noch 3 von 3 Punkten übrig', { exact: true }).waitFor();
      for (const title of ['Dienstplan', 'Fortbildung', 'Kaffeemaschine']) {
        const topic = fatma.mirror.state?.topics.find((t) => t.title === title);
        await fatma.send('vote:cast', { topicId: topic?.id ?? '' });
      }
      await page.getByText('3 von 3 Punkten vergeben', { exact: true }).waitFor();
      await context.close();
    } finally {
      session.close();
    }
  });

  it('counts the characters of a topic and says politely when the limit is near', async () => {
    const session = await startSession(suite.app.server.url, { participants: 1, title: 'Teamrunde' });
    try {
      const context = await phoneContext(suite.browser, { locale: 'de-DE' });
      const [, person] = session.all;
      if (!person) throw new Error('no participant');
      await seatBrowser(context, session.sessionId, person.seat);
      const page = await context.newPage();
      await page.goto(`${suite.app.server.url}/s/${session.sessionId}`);
      const field = page.getByLabel(de.topicForm.title, { exact: true });
      const description = () =>
        field.evaluate((input) =>
          (input.getAttribute('aria-describedby') ?? '')
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim())
            .join(' '),
        );
      const status = page.getByRole('status').filter({ hasText: /Zeichen/ });

      await field.fill('Jugendhilfeplanung: '.padEnd(112, 'x'));
      await page.getByText('112 / 140', { exact: true }).waitFor();
      expect(await description()).toContain('112 von 140 Zeichen');
      expect(await status.count()).toBe(0);

      await field.fill('Jugendhilfeplanung: '.padEnd(125, 'x'));
      await status.getByText('Noch 15 Zeichen möglich').waitFor();

      await field.fill('Jugendhilfeplanung: '.padEnd(138, 'x'));
      await field.press('End');
      await page.keyboard.type('abcd');
      await page.getByText('140 / 140', { exact: true }).waitFor();
      await status.getByText('Höchstlänge von 140 Zeichen erreicht').waitFor();
      expect(await field.inputValue()).toHaveLength(140);
      await context.close();
    } finally {
      session.close();
    }
  });

  it('tells a second "Anna" how to be told apart, back in the name field', async () => {
    const session = await startSession(suite.app.server.url, { participants: 0, title: 'Teamrunde' });
    try {
      await joinOverHttp(suite.app.server.url, session.sessionId, 'Anna');
      const context = await phoneContext(suite.browser, { locale: 'de-DE' });
      const page = await context.newPage();
      await page.goto(`${suite.app.server.url}/j/${session.sessionId}`);
      const field = page.getByLabel(de.join.nameLabel);
      await field.fill('Anna');
      await click(page, de.join.submit);
      const alert = page.getByRole('alert');
      await alert.getByText('„Anna B.“', { exact: false }).waitFor();
      expect(await field.evaluate((input) => input === document.activeElement)).toBe(true);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
      expect(describedBy.split(' ')).toContain(await alert.getAttribute('id'));

      await page.keyboard.type(' B.');
      await click(page, de.join.submit);
      await page.waitForURL(`**/s/${session.sessionId}`);
      await waitUntil('Anna B. is seated', () =>
        (session.facilitator.mirror.current?.participants ?? []).some((p) => p.name === 'Anna B.'),
      );
      await context.close();
    } finally {
      session.close();
    }
  });
});
