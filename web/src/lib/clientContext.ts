import { createContext } from 'svelte';
import type { HallClient } from './hallClient.svelte';
import type { LeanCoffeeClient } from './leanCoffeeClient.svelte';
import type { TimerHost } from './liveSession.svelte';
import type { SpaceClient } from './spaceClient.svelte';

/*
 * The page's live client reaches its components through context rather than through every
 * component's props: the page (its shell) sets it once, a component that reads or sends asks for
 * it. Each getter throws outside a page of its kind, so a misplaced component fails at once.
 */

/** The Lean Coffee board's client, set by the board and projector pages under `/s/[code]`. */
export const [getLeanCoffeeClient, setLeanCoffeeClient] = createContext<LeanCoffeeClient>();

/** The team space's client, set by the space and projector pages under `/t/[code]`. */
export const [getSpaceClient, setSpaceClient] = createContext<SpaceClient>();

/** A hall's client, set by the organiser and projector pages under `/h/[code]`. */
export const [getHallClient, setHallClient] = createContext<HallClient>();

/** The same client as the timer sees it, set by every page shell: `Timer` serves both kinds. */
export const [getTimerHost, setTimerHost] = createContext<TimerHost>();
