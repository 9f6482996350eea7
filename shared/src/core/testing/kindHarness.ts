import type { Actor, IdKind } from '../decision.ts';
import type { ParticipantId } from '../participants.ts';
import type { Decision } from '../decision.ts';
import type { KindDefinition, KindTypes } from '../kindDefinition.ts';

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

export type TestContext = ReturnType<typeof testContext>;

/**
 * A session of one kind to test against, opened by `created`: commands go through the kind's
 * `decide`, a second later each, and accepted events are folded and logged. `run` fails loudly on
 * a refusal, so a broken fixture never hides a broken rule. Each kind's fixture adds its helpers.
 */
export function kindHarness<T extends KindTypes>(
  kind: KindDefinition<T>,
  created: readonly T['event'][],
  ctx: TestContext,
) {
  const [first, ...rest] = created;
  const opened = first === undefined ? null : kind.initial(first);
  if (!opened) throw new Error(`a ${kind.kind} fixture must open with its kind's first event`);
  let state = rest.reduce((folded: T['state'], event) => kind.apply(folded, event), opened);
  const log: T['event'][] = [...created];

  const harness = {
    get state(): T['state'] {
      return state;
    },
    log,
    ctx,
    try(actor: ParticipantId | 'system', command: T['command']): Decision<T['event']> {
      const who: Actor = actor === 'system' ? { kind: 'system' } : { kind: 'participant', id: actor };
      ctx.tick();
      const result = kind.decide(state, command, { actor: who, now: ctx.now, newId: ctx.newId });
      if (result.ok) {
        state = result.events.reduce((folded: T['state'], event) => kind.apply(folded, event), state);
        log.push(...result.events);
      }
      return result;
    },
    run(actor: ParticipantId | 'system', command: T['command']): T['event'][] {
      const result = harness.try(actor, command);
      if (!result.ok) throw new Error(`fixture command ${command.type} refused: ${result.error.code}`);
      return result.events;
    },
  };
  return harness;
}
