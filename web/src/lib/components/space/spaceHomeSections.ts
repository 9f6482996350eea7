/**
 * The team-space page's sections beyond the backlog: work between meetings, what happened since the last
 * visit, the meeting rhythm, the way to the register (issue 17) and the latest decisions (which name
 * register changes and decisions taken between meetings, so they need the register's texts too). One
 * chunk that `SpaceHome` loads after the board is up: a phone reaches the board without their code, and
 * they arrive together in one request.
 */
export { default as BetweenMeetings } from '../between/BetweenMeetings.svelte';
export { default as SinceLastVisit } from '../between/SinceLastVisit.svelte';
export { default as RegisterLink } from './RegisterLink.svelte';
export { default as SpaceRhythm } from './SpaceRhythm.svelte';
export { default as DecisionLog } from './DecisionLog.svelte';
