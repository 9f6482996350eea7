/** The parts of the `hyphen` package Runde uses: German (reformed spelling, 1996) and English patterns. */
interface HyphenPatterns {
  /** The text with a soft hyphen (U+00AD) at each hyphenation point of each word. */
  hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}

declare module 'hyphen/de-1996' {
  const german: HyphenPatterns;
  export default german;
}

declare module 'hyphen/en-us' {
  const english: HyphenPatterns;
  export default english;
}
