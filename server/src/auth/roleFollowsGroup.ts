import { facilitatorGroupOf } from '@runde/shared';
import type { Logger } from 'pino';
import type { KindState } from '@runde/shared';
import type { CommandRunner } from '../session/commandRunner.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import type { CurrentSignIn } from './signInSessions.ts';

/** Called by the handshake with a signed-in device's seat; never throws. */
export type FollowGroup = (sessionId: string, participantId: string, signIn: CurrentSignIn) => Promise<void>;

/**
 * With a facilitator group, the role of a bound seat follows the group between sign-ins too. At a
 * handshake: when this handshake's recheck found other groups at the provider, the seat is bound
 * again (`participant:bind`: the group decides the role, either way); and a facilitator outside the
 * group (their groups changed at a recheck elsewhere: another session, `/me`) loses facilitation.
 * A member of the group who stepped back by hand is not promoted again until their groups change or
 * they sign in again. The common case reads only this node's copy of the session.
 */
export function roleFollowsGroup(runner: CommandRunner, store: SessionStore, logger: Logger): FollowGroup {
  /** Whether the seat facilitates by the group, and whether it does now; null without a group. */
  const decision = (state: KindState | null | undefined, participantId: string, groups: readonly string[]) => {
    if (!state || state.kind === 'hall') return null;
    const group = facilitatorGroupOf(state);
    const seat = state.participants.find((p) => p.id === participantId);
    if (group === null || !seat) return null;
    return { facilitates: groups.includes(group), facilitator: seat.role === 'facilitator' };
  };
  return async (sessionId, participantId, signIn) => {
    try {
      const { groups } = signIn.record;
      // This node's copy says enough for the common case; a changed group membership (rare: once
      // per recheck) is decided on the stored session, which a relayed change may not have reached yet.
      const cached = signIn.groupsChanged ? null : decision(await runner.known(sessionId), participantId, groups);
      const outsideByCopy = cached !== null && cached.facilitator && !cached.facilitates;
      const known = signIn.groupsChanged || outsideByCopy ? (await store.load(sessionId))?.state : null;
      const decided = decision(known, participantId, groups);
      if (!decided) return;
      const outside = decided.facilitator && !decided.facilitates;
      if (!signIn.groupsChanged && !outside) return;
      const facilitates = decided.facilitates;
      const result = await runner.run(
        sessionId,
        { kind: 'system' },
        { type: 'participant:bind', participantId, facilitates },
      );
      if (!result.ok) logger.warn({ sessionId, code: result.error.code }, 'role did not follow the facilitator group');
    } catch (err) {
      // The device is admitted either way; its role follows at the next handshake or sign-in.
      logger.warn({ sessionId, err }, 'role did not follow the facilitator group');
    }
  };
}
