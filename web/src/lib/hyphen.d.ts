/** The part of the `hyphen` package Runde uses: German patterns (reformed spelling, 1996). */
declare module 'hyphen/de-1996' {
  const german: {
    /** The text with a soft hyphen (U+00AD) at each hyphenation point of each word. */
    hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
  };
  export default german;
}
