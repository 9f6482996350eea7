import type { Command } from '../../protocol/commands.ts';
import { applyAll, replay } from '../apply.ts';
import { createSession, decide, type Actor, type DecideResult } from '../decide.ts';
import type { DomainEvent } from '../events.ts';
import type { IdKind, LeanCoffeeSettings, ParticipantId, Phase } from '../state.ts';

/** Deterministic ids and a fixed clock for domain tests. */
export function testContext(start = 1_700_000_000_000) {
  let counter = 0;
  let now = start;
  return {
    newId: (kind: IdKind) => `${kind.charAt(0)}${++counter}`,
    get now() {
      return now;
    },
    tick(ms = 1000) {
      now += ms;
    },
  };
}

/**
 * A small session to test against: facilitator `p1` ("Fee"), participants `p2` ("Ana") and
 * `p3` ("Ben"). Helpers run commands through `decide` and fail loudly when one is refused, so a
 * broken fixture never hides a broken rule.
 */
export function session(settings: Partial<LeanCoffeeSettings> = {}) {
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
    },
    ctx,
  );
  let state = replay(created);
  const log: DomainEvent[] = [...created];

  const harness = {
    get state() {
      return state;
    },
    log,
    ctx,
    try(actor: ParticipantId | 'system', command: Command): DecideResult {
      const who: Actor = actor === 'system' ? { kind: 'system' } : { kind: 'participant', id: actor };
      ctx.tick();
      const result = decide(state, command, {
        actor: who,
        now: ctx.now,
        newId: ctx.newId,
      });
      if (result.ok) {
        state = applyAll(state, result.events);
        log.push(...result.events);
      }
      return result;
    },
    run(actor: ParticipantId | 'system', command: Command): DomainEvent[] {
      const result = harness.try(actor, command);
      if (!result.ok) throw new Error(`fixture command ${command.type} refused: ${result.error.code}`);
      return result.events;
    },
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
  };
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
