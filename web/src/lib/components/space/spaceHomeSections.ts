/**
 * The team-space page's sections from issue 17 (work between meetings, what happened since the last
 * visit, the meeting rhythm, the way to the register), in one chunk that `SpaceHome` loads after the
 * board is up: a phone reaches the board without their code, and they arrive together in one request.
 */
export { default as BetweenMeetings } from '../between/BetweenMeetings.svelte';
export { default as SinceLastVisit } from '../between/SinceLastVisit.svelte';
export { default as RegisterLink } from './RegisterLink.svelte';
export { default as SpaceRhythm } from './SpaceRhythm.svelte';
