import type { KindCommandType } from '@runde/shared/client';

/**
 * Commands that steer the meeting for everyone: phases and steps, the timer, whose turn it is,
 * which topic or tension is on the table, when a vote is opened, revealed or closed. They only
 * make sense at the moment they were given. Sent minutes late, after the room has moved on (or
 * another facilitator's device has moved it), they would pull everyone somewhere they have left:
 * a timer started for a discussion that is over, a phase skipped twice. So they are not queued
 * across an outage: they are tried for {@link steeringHoldMs} and then handed back to the person
 * (the button shows why, and the error goes away once the connection is back so they can press
 * again, now knowing where the room is). `timer:expire` is not even held (a late one is useless,
 * the server's clock decides). Everything else is content a person wrote or chose (topics, votes,
 * outcomes, tensions, answers, ratings) and waits in the outbox for as long as it takes.
 */
const steering: ReadonlySet<KindCommandType> = new Set<KindCommandType>([
  'phase:change',
  'timer:start',
  'timer:pause',
  'timer:resume',
  'timer:add',
  'timer:reset',
  'timer:expire',
  'votes:reveal',
  'discussion:start',
  'discussion:close',
  'discussion:extend',
  'thumbs:open',
  'thumbs:reveal',
  'topic:return',
  'topic:skip',
  'agenda:move',
  'agenda:reset',
  'meeting:start',
  'meeting:advance',
  'meeting:back',
  'meeting:end',
  'process:advance',
  'process:back',
  'round:start',
  'round:next',
  'round:pass',
  'tension:start',
  'objection:test',
  'objection:integrate',
  'objection:mark-absent',
  'hall:phase',
  'hall:announce',
  'hall:close-table',
  // Decided on the member list as it was on screen: never applied minutes later to a list that changed.
  'space:merge-members',
]);

/** How long a steering command is tried before it is handed back to the person. */
export const steeringHoldMs = 30_000;

/** Whether a command waits in the outbox across an outage (content) or only makes sense now (steering). */
export function waitsInOutbox(type: KindCommandType): boolean {
  return !steering.has(type);
}
