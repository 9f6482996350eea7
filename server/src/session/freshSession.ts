import type { DecideContext, KindEvent, KindState } from '@runde/shared';
import { hashSecret, type IdSource } from '../ids.ts';
import { deviceGrant } from './deviceGrant.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import { stateFromEvents } from './stateFromEvents.ts';

/** A random 6-character code collides rarely; a few draws make a failure practically impossible. */
const JOIN_CODE_ATTEMPTS = 8;

export interface FreshSessionDeps {
  store: SessionStore;
  ids: IdSource;
  clock: () => number;
}

/** A session stored under a new code, and the secrets of its opening seat (when it was given any). */
export interface FreshSession {
  code: string;
  state: KindState;
  facilitatorId: string;
  /** The opening seat's token and facilitator key; absent for a seat nobody holds (a table's placeholder). */
  secrets?: { token: string; key: string };
}

/**
 * Stores a new session of any kind under a fresh join code; `open` gives its opening events for a
 * code. With `seated`, the opening seat gets a token and a facilitator key (a person opens it);
 * without, nobody holds it (the server opens a hall's table). Null when no free code was found.
 * `deviceLabel` is what the opening device calls itself in its seat's device list.
 */
export async function openFreshSession(
  { store, ids, clock }: FreshSessionDeps,
  open: (code: string, ctx: Omit<DecideContext, 'actor'>) => KindEvent[],
  seated: boolean,
  deviceLabel?: string,
): Promise<FreshSession | null> {
  for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt += 1) {
    const code = ids.newJoinCode();
    const events = open(code, { now: clock(), newId: (kind) => ids.newId(kind) });
    const state = stateFromEvents(events);
    const facilitator = state.participants[0];
    if (!facilitator) throw new Error('A new session must seat its facilitator');
    const secrets = seated ? { token: ids.newSecret(), key: ids.newSecret() } : undefined;
    const created = await store.create(code, {
      events,
      state,
      tokens: secrets
        ? [deviceGrant(hashSecret(secrets.token), facilitator.id, { via: 'join', label: deviceLabel, now: clock() })]
        : [],
      facilitatorKeys: secrets ? [{ keyHash: hashSecret(secrets.key), participantId: facilitator.id }] : [],
    });
    if (created) return { code, state, facilitatorId: facilitator.id, ...(secrets ? { secrets } : {}) };
  }
  return null;
}
