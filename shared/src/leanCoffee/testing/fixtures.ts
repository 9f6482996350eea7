import { kindHarness, testContext } from '../../core/testing/kindHarness.ts';
import { createSession } from '../decide.ts';
import { leanCoffeeKind } from '../leanCoffeeKind.ts';
import type { HallLink } from '../hallLink.ts';
import type { LeanCoffeeSettings, ParticipantId, Phase } from '../state.ts';

export { testContext };

/**
 * A small session to test against: facilitator `p1` ("Fee"), participants `p2` ("Ana") and
 * `p3` ("Ben"). Helpers run commands through `decide` and fail loudly when one is refused, so a
 * broken fixture never hides a broken rule.
 */
export function session(settings: Partial<LeanCoffeeSettings> = {}, hall?: HallLink) {
  const ctx = testContext();
  const created = createSession(
    {
      id: 'ABC234',
      title: 'Team Lean Coffee',
      facilitatorName: 'Fee',
      settings: {
        votesPerPerson: 3,
        allowStacking: true,
        anonymousTopics: false,
        ...settings,
      },
      ...(hall ? { hall } : {}),
    },
    ctx,
  );
  const harness = Object.assign(kindHarness(leanCoffeeKind, created, ctx), {
    addTopic(actor: ParticipantId, title: string): string {
      const [event] = harness.run(actor, {
        type: 'topic:add',
        title,
        description: '',
      });
      if (event?.type !== 'topic:added') throw new Error('expected topic:added');
      return event.topic.id;
    },
    toPhase(...phases: Phase[]) {
      for (const to of phases) harness.run('p1', { type: 'phase:change', to });
    },
  });
  harness.run('system', {
    type: 'participant:join',
    name: 'Ana',
    role: 'participant',
  });
  harness.run('system', {
    type: 'participant:join',
    name: 'Ben',
    role: 'participant',
  });
  return harness;
}

/** The link of table 7 of hall `HALL23`, in `phase` (the hall timer idle, no news). */
export function hallLink(phase: HallLink['phase'] = 'collect', change: Partial<HallLink> = {}): HallLink {
  return {
    hallId: 'HALL23',
    hallTitle: 'Tag der Teams',
    table: 7,
    phase,
    timer: { status: 'idle' },
    announcement: null,
    closed: false,
    helpSince: null,
    ...change,
  };
}

/**
 * Table 7 of a hall: `p1` is the organiser's placeholder seat, Ana (`p2`) and Ben (`p3`) sit at
 * it; `relay` moves the table the way the hall's server does.
 */
export function table(settings: Partial<LeanCoffeeSettings> = {}) {
  const s = session(settings, hallLink());
  return Object.assign(s, {
    relay(phase: HallLink['phase'], change: Partial<HallLink> = {}) {
      return s.run('system', { type: 'hall:relay', link: hallLink(phase, change) });
    },
  });
}
