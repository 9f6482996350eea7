import type { Messages } from './de.ts';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Plural forms are looked up by their base key; the translator picks `_one` / `_other` from `count`. */
type WithoutPluralSuffix<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;

/** Every key `t()` accepts, checked at compile time. */
export type MessageKey = WithoutPluralSuffix<Leaves<Messages>>;

/** Values interpolated into `{{name}}` placeholders; `count` also selects the plural form. */
export type MessageVars = Record<string, string | number>;

/** Looks up a message in the reader's language: `i18n.t` in the app, `catalogTranslator` elsewhere. */
export type Translate = (key: MessageKey, vars?: MessageVars) => string;
