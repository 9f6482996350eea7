import { createHash, randomBytes, randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, type IdKind } from '@runde/shared';

/** Where new ids and secrets come from; injected so tests can make them predictable. */
export interface IdSource {
  newId(kind: IdKind): string;
  newJoinCode(): string;
  /** A bearer secret (participant token, facilitator key): 256 bits, URL-safe. */
  newSecret(): string;
}

const prefixes: Record<IdKind, string> = {
  participant: 'p_',
  topic: 't_',
  outcome: 'o_',
  tension: 'tn_',
  action: 'a_',
  meeting: 'm_',
  decision: 'd_',
  objection: 'ob_',
  announcement: 'an_',
  proposal: 'pr_',
  question: 'q_',
  reaction: 're_',
  answer: 'aw_',
  record: 'br_',
  role: 'ro_',
  rule: 'ru_',
  rhythm: 'rh_',
};

/** Cryptographically random ids: unguessable, so knowing one participant id grants nothing. */
export const randomIds: IdSource = {
  newId: (kind) => prefixes[kind] + randomBytes(12).toString('base64url'),
  newJoinCode: () =>
    Array.from({ length: JOIN_CODE_LENGTH }, () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]).join(''),
  newSecret: () => randomBytes(32).toString('base64url'),
};

/** Secrets are stored and compared only as this digest, so a store dump does not hand out seats. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
