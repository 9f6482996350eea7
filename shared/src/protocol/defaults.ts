import type { LeanCoffeeSettings } from '../leanCoffee/state.ts';

/** A new Lean Coffee's settings: 3 dots, stacking allowed, 8-minute timebox, then 4 and 2. */
export const defaultLeanCoffeeSettings: LeanCoffeeSettings = {
  votesPerPerson: 3,
  allowStacking: true,
  anonymousTopics: false,
  hiddenVoting: false,
  topicsPerPerson: null,
  timeboxMinutes: 8,
  extensionMinutes: [4, 2],
};
