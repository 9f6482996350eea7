/** Bumped on any change to events, commands or state shape; checked when a socket connects. */
export const PROTOCOL_VERSION = 5;
