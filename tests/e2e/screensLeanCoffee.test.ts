import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopContext, phoneContext } from '../support/browser.ts';
import { browserSuite, click } from '../support/browserSuite.ts';
import { LONG_CONTENT, sweepScreen, waitForText, type Sweep } from '../support/screenSweep.ts';

const content = LONG_CONTENT;

/**
 * Issue 12's sweep, Lean Coffee half: every screen and phase, facilitator, participant and
 * projector, in German and English, at two phone sizes, a laptop and a projector, filled with long
 * realistic content (a 140-character German topic, a URL, a 58-letter compound, long names). On
 * each: no raw message key, nothing wider than the screen or its box, no word broken inside.
 */
describe('every Lean Coffee screen, in both languages and four sizes', () => {
  const suite = browserSuite('e2e-screens-lc');

  it('shows no raw key, no overflow and no word broken inside', { timeout: 600_000 }, async () => {
    const sweep: Sweep = { problems: [], typed: content.typed };
    const base = suite.app.server.url;
    const fresh = async (locale: string): Promise<[BrowserContext, Page]> => {
      const context = await phoneContext(suite.browser, { locale });
      return [context, await context.newPage()];
    };

    // The pages everyone meets first, without a seat: the footer was a raw key on each (defect 8).
    const [, visitor] = await fresh('de-DE');
    await visitor.goto(base);
    await sweepScreen(sweep, visitor, 'start page', { ready: 'form' });
    await visitor.goto(`${base}/join`);
    await sweepScreen(sweep, visitor, '/join', { ready: 'form' });

    const maria = await (await desktopContext(suite.browser, { locale: 'en-GB' })).newPage();
    await maria.goto(base);
    await maria.getByLabel('Session title').fill(content.sessionTitle);
    await maria.getByLabel('Your name').fill(content.facilitator);
    await click(maria, 'Start a Lean Coffee');
    const joinUrl = (await maria.getByLabel('Join link').inputValue()).replace(/^https?:\/\/[^/]+/, base);
    const code = new URL(joinUrl).pathname.split('/').pop() ?? '';

    await visitor.goto(joinUrl);
    await sweepScreen(sweep, visitor, '/j/CODE', { ready: 'form' });
    // A projector opened without a seat lands on the join form for the projector.
    await visitor.goto(`${base}/s/${code}/projector`);
    await sweepScreen(sweep, visitor, 'projector join form', { ready: 'form' });

    const [, ana] = await fresh('de-DE');
    await ana.goto(joinUrl);
    await ana.getByLabel('Ihr Name').fill(content.participant);
    await click(ana, 'Beitreten');
    await ana.getByLabel('Thema', { exact: true }).waitFor();
    const projector = await maria.context().newPage();
    await projector.goto(`${base}/s/${code}/projector`);

    /** Checks the three screens of a phase; the projector shows the board, not every outcome. */
    const everyone = async (phase: string, ready: string, projectorReady: string = content.topics[0]) => {
      await sweepScreen(sweep, maria, `facilitator, ${phase}`, { ready });
      await sweepScreen(sweep, ana, `participant, ${phase}`, {
        ready,
        shot: `participant-${phase.replaceAll(' ', '-')}`,
      });
      await sweepScreen(sweep, projector, `projector, ${phase}`, { ready: projectorReady });
    };

    await addTopic(ana, 'Thema', 'Thema hinzufügen', content.topics[0]);
    await addTopic(ana, 'Thema', 'Thema hinzufügen', content.topics[1]);
    await addTopic(maria, 'Topic', 'Add topic', content.topics[2]);
    await addTopic(maria, 'Topic', 'Add topic', content.topics[3]);
    await waitForText(projector, content.topics[3]);
    await everyone('collect', content.topics[0]);

    await click(maria, 'Next: Vote');
    await click(ana, `Punkt vergeben für ${content.topics[0]}`);
    await click(ana, `Punkt vergeben für ${content.topics[0]}`);
    await click(maria, `Add vote to ${content.topics[0]}`);
    await everyone('vote', content.topics[0]);

    await click(maria, 'Next: Discuss');
    await click(maria, 'Next topic');
    await waitForText(ana, content.topics[0]);
    await everyone('discuss', content.topics[0]);

    await click(maria, 'Start thumbs vote');
    await ana.getByRole('button', { name: 'Daumen hoch', exact: true }).waitFor();
    await everyone('thumbs vote open', content.topics[0]);
    await click(ana, 'Daumen zur Seite');
    await click(maria, 'Thumbs up');
    await maria.getByText('Result: 1 thumbs up, 1 sideways, 0 down').waitFor();
    await everyone('thumbs vote result', content.topics[0]);

    await click(ana, `Erkenntnis hinzufügen: ${content.topics[0]}`);
    await ana.getByLabel('Erkenntnis', { exact: true }).fill(content.takeaway);
    await click(ana, 'Speichern');
    await click(ana, `Aufgabe hinzufügen: ${content.topics[0]}`);
    await ana.getByLabel('Aufgabe', { exact: true }).fill(content.action);
    await ana.getByLabel('Verantwortlich').selectOption({ label: content.facilitator });
    await ana.getByLabel('Fällig am (optional)').fill('2026-12-01');
    await click(ana, 'Speichern');
    await waitForText(maria, content.action);
    await everyone('discuss with outcomes', content.action);

    await click(maria, 'Close topic');
    await click(maria, 'Next: Wrap-up');
    await ana.getByLabel('Ihre Erkenntnis in einem Satz').fill(content.closing);
    await click(ana, 'Beitrag senden');
    await ana.getByRole('radio', { name: '4 von 5' }).check();
    await maria.getByText('1 rating').waitFor();
    await everyone('wrap-up', content.closing, content.sessionTitle);

    await click(maria, 'Next: Ended');
    await click(maria, 'Yes, end the session');
    await ana.getByText('Diese Sitzung ist beendet. Vielen Dank fürs Mitmachen!').first().waitFor();
    await everyone('ended', content.topics[0], content.sessionTitle);
    await maria.getByRole('link', { name: 'Summary' }).click();
    await sweepScreen(sweep, maria, 'summary', { ready: content.takeaway, shot: 'summary' });

    expect(sweep.problems).toEqual([]);
  });
});

async function addTopic(page: Page, label: string, add: string, title: string) {
  await page.getByLabel(label, { exact: true }).fill(title);
  await click(page, add);
  await waitForText(page, title);
}
