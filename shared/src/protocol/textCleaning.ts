/**
 * Every line break kind a client might send: CRLF, CR, LF, vertical tab, form feed, NEL, and the
 * Unicode line and paragraph separators. Editors and Markdown renderers disagree on which of these
 * start a new line, so user text keeps only `\n`, and only where a field is multi-line.
 */
const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

/**
 * Control characters (C0 and C1, DEL; tab becomes a space first) and the bidirectional overrides,
 * embeddings, isolates and marks that can make text display in an order other than it was typed
 * (a name that reads "Admin" but is something else, or a reversed file name).
 */
const CONTROLS_AND_BIDI = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Characters that show nothing: whitespace, default-ignorable code points (zero-width space and
 * joiners, soft hyphen, Hangul fillers, variation selectors…), combining marks with no base,
 * other format characters, and the blank Braille pattern.
 */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{M}\p{Cc}\p{Cf}\u2800]/gu;

/**
 * The one cleaning every piece of user text goes through: NFC, line breaks unified (to `\n` in
 * multi-line fields, to a space elsewhere), tabs to spaces, control and bidi-control characters
 * removed, surrounding whitespace trimmed.
 */
export function cleanUserText(raw: string, lines: 'single' | 'multi'): string {
  return raw
    .normalize('NFC')
    .replace(LINE_BREAKS, lines === 'multi' ? '\n' : ' ')
    .replace(/\t/g, ' ')
    .replace(CONTROLS_AND_BIDI, (char) => (char === '\n' && lines === 'multi' ? char : ''))
    .trim();
}

/** True when the text would show nothing at all on screen: only whitespace, invisible characters or marks. */
export function looksEmpty(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}

/**
 * How names are compared for uniqueness within a session: compatibility-normalised (NFKC, so
 * "ﬁ" and full-width letters match their plain forms), case-folded (upper then lower, so "ß"
 * meets "SS"), invisible characters dropped and whitespace runs collapsed.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}
