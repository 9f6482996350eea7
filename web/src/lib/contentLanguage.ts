/**
 * A guess at the language of a participant's text, so it can carry its own `lang`: screen readers
 * then pronounce it right and hyphenation uses the right rules. People write German or English
 * whatever the interface speaks. Only clear signals count; anything else keeps the page's language.
 */
const germanWords = new Set(
  'der die das den dem des und oder für mit ist sind nicht wir ihr sie zur zum von vom ein eine einen auf wie wer was wo bei über unter nach aus noch auch'.split(
    ' ',
  ),
);
const englishWords = new Set(
  'the and or for with is are not we you they to of on in what who where how new our this that from by at'.split(' '),
);
/** Endings of long German nouns and adjectives that English words of that length do not have. */
const germanEnding = /^\p{L}{10,}(ung|ungen|keit|heit|schaft|lich|isch|sitzung|plan)$/iu;

export type ContentLanguage = 'de' | 'en';

export function guessContentLanguage(text: string): ContentLanguage | undefined {
  let german = /[äöüßÄÖÜ]/.test(text) ? 2 : 0;
  let english = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (germanWords.has(word) || germanEnding.test(word)) german += 1;
    if (englishWords.has(word)) english += 1;
  }
  if (german > english) return 'de';
  if (english > german) return 'en';
  return undefined;
}
