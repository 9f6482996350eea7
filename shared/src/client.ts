/**
 * What a browser may import at run time: the pure core and the plain constants, without the zod
 * schemas (the server parses; the client only needs the types, imported with `import type`).
 */
export * from './core/index.ts';
export * from './leanCoffee/index.ts';
export * from './teamSpace/index.ts';
export * from './hall/index.ts';
export type * from './kinds.ts';
export type * from './core/kindDefinition.ts';
export * from './session/deletion.ts';
export * from './session/projectorGrant.ts';
export * from './session/seatDevices.ts';
export * from './session/sessionAccess.ts';
export * from './protocol/errors.ts';
export * from './protocol/limits.ts';
export * from './protocol/version.ts';
export * from './protocol/reconnect.ts';
export * from './protocol/defaults.ts';
export * from './protocol/textCleaning.ts';
export type * from './protocol/commands.ts';
export type * from './protocol/loopCommands.ts';
export type * from './protocol/hallCommands.ts';
export type * from './protocol/http.ts';
export type * from './protocol/socketEvents.ts';
export type * from './protocol/signInProtocol.ts';
export type * from './protocol/seatProtocol.ts';
export * from './export/index.ts';
export type * from './export/exportFormat.ts';
export type * from './export/leanCoffeeExport.ts';
export type * from './export/teamSpaceExport.ts';
export * from './sync/index.ts';
