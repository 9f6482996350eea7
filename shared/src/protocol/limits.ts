/** Size limits shared by the server's schemas and the client's input fields. */
export const limits = {
  sessionTitle: 120,
  displayName: 40,
  topicTitle: 140,
  topicDescription: 1000,
  votesPerPersonMax: 20,
  participantsPerSession: 5000,
  topicsPerSession: 500,
  topicsPerPersonMax: 50,
  timerMinutesMax: 120,
  extensionStepsMax: 10,
  outcomeText: 500,
  outcomesPerSession: 2000,
  closingText: 200,
} as const;

/**
 * Join codes avoid characters that look alike on a projector or are hard to say aloud:
 * no 0/O, 1/I/L. Six characters give about 887 million codes.
 */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;

/** Upper-cases and drops spaces and dashes, so "abc-234" and "ABC 234" both work when typed. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
