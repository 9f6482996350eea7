import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normalizeJoinCode } from '@runde/shared/client';

export interface JoinCodeInput {
  /** The code as far as it can be read: upper case, without spaces, dashes or a pasted link. */
  code: string;
  /** Exactly the right length, all characters from the alphabet. */
  complete: boolean;
  /** Characters that never occur in codes (look-alikes such as 0, O, 1, I, L), each once. */
  invalid: string[];
}

/** Whether `code` (already normalised) can be a join code at all. */
export function isJoinCode(code: string): boolean {
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}

/**
 * Reads what someone typed or pasted into the code field. People paste whole join links too,
 * so a `/j/CODE` path is taken from the text.
 */
export function readJoinCodeInput(raw: string): JoinCodeInput {
  const fromLink = /\/j\/([^/?#\s]+)/i.exec(raw)?.[1];
  const code = normalizeJoinCode(fromLink ?? raw);
  const invalid = [...new Set([...code].filter((c) => !JOIN_CODE_ALPHABET.includes(c)))];
  return { code, complete: invalid.length === 0 && code.length === JOIN_CODE_LENGTH, invalid };
}

/** Splits a code in two halves for reading aloud or from afar: "ABC 234". */
export function formatJoinCode(code: string): string {
  const half = Math.ceil(code.length / 2);
  return code.length > 4 ? `${code.slice(0, half)} ${code.slice(half)}` : code;
}

export interface JoinAddresses {
  /** The link straight to the name field: what the QR code holds. */
  joinUrl: string;
  /** Where to type the code, written as people say it: host and path, no scheme. */
  joinPage: string;
}

/** The two ways into the session with this code, on the server at `origin`. */
export function joinAddresses(code: string, origin: string): JoinAddresses {
  return { joinUrl: `${origin}/j/${code}`, joinPage: `${origin.replace(/^https?:\/\//, '')}/join` };
}
