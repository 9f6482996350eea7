/**
 * Test helpers other packages use: the permission walks, so the web app can hold its own
 * control predicates against the rules (never imported by application code).
 */
export * from './core/testing/permissionWalk.ts';
export * from './leanCoffee/testing/leanCoffeeWalk.ts';
export * from './teamSpace/testing/itemCounts.ts';
export * from './teamSpace/testing/teamSpaceWalk.ts';
export * from './teamSpace/testing/worstCase.ts';
