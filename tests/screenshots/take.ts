// Retakes every screenshot of docs/screenshots against the app at RUNDE_URL, then compares each
// with its committed version. Run through `npm run screenshots`, which starts the app and stops it.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/lib/chromium.mjs';
import { printComparison } from './compare.ts';
import { leanCoffeeGerman, leanCoffeeProjector } from './leanCoffee.ts';
import { hall } from './hall.ts';
import { teamSpace } from './teamSpace.ts';
import { betweenMeetings } from './betweenMeetings.ts';
import { signInRequired } from './signIn.ts';
import { seatDevices } from './seatDevices.ts';

const base = process.env.RUNDE_URL;
if (!base) throw new Error('RUNDE_URL is not set: run `npm run screenshots`');

const browser = await chromium.launch({
  executablePath: chromiumPath(),
  // Text is drawn the same on every run: no subpixel positioning or LCD antialiasing.
  args: [...CHROMIUM_ARGS, '--font-render-hinting=none', '--disable-lcd-text'],
});
try {
  // Arguments without .png name scenarios to run (the others are skipped), e.g. `teamSpace`.
  const chosen = process.argv.slice(2).filter((arg) => !arg.endsWith('.png'));
  for (const [label, scenario] of [
    ['Lean Coffee (German board and phone)', leanCoffeeGerman],
    ['Lean Coffee (English projector, join poster)', leanCoffeeProjector],
    ['Team space (LOOP meetings, projector)', teamSpace],
    ['Event with tables (organiser, hall projector, phone, table card)', hall],
    ['Between meetings (register and proposal on a phone, rhythm on a laptop)', betweenMeetings],
    ['Team space that requires sign-in (join page on a laptop)', signInRequired],
    ['A seat on another device (the link and QR code on a phone)', seatDevices],
  ] as const) {
    if (chosen.length > 0 && !chosen.includes(scenario.name)) continue;
    console.log(label);
    await scenario(browser, base);
  }
} finally {
  await browser.close();
}
printComparison();
