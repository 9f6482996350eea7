import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@runde/shared/client';
import { catalogs } from './catalog.ts';
import { chooseLanguage } from './languages.ts';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const german = leaves(catalogs.de);
const english = leaves(catalogs.en);

/**
 * Which keys exist is checked by the compiler: each English file is typed as its German one (`en: CoreMessages`,
 * `spaceEn: Messages['space']`, …), so a key missing in English or only there does not compile, and the German
 * errors satisfy `Record<ErrorCode, string>`. What types cannot see is inside the texts; one walk over every key
 * checks that, and names each text that breaks a rule.
 */
describe('messages', () => {
  it('has the same keys in German and English', () => {
    expect([...english.keys()].sort()).toEqual([...german.keys()].sort());
  });

  it('uses the same placeholders in both languages, has every plural form and no empty text', () => {
    const problems: string[] = [];
    for (const [key, text] of german) {
      const other = english.get(key) ?? '';
      if (placeholders(other).join() !== placeholders(text).join()) {
        problems.push(
          `${key}: placeholders differ (de ${placeholders(text).join()}; en ${placeholders(other).join()})`,
        );
      }
      if (text.trim() === '' || other.trim() === '') problems.push(`${key}: empty text`);
      // German and English both pick "one" or "other" from `count`; a lone form would show a raw key.
      const plural = /^(.*)_(one|other)$/.exec(key);
      if (plural && !german.has(`${plural[1]}_${plural[2] === 'one' ? 'other' : 'one'}`)) {
        problems.push(`${key}: the other plural form is missing`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has a message for every error code', () => {
    const missing = Object.values(ErrorCode).filter(
      (code) => !german.has(`errors.${code}`) || !english.has(`errors.${code}`),
    );
    expect(missing).toEqual([]);
  });

  it('keeps German gender-fair and formal', () => {
    for (const text of german.values()) {
      expect(text).not.toMatch(/\b(du|dein|deine|dich|dir)\b/i);
      expect(text).not.toMatch(/\bTeilnehmer\b/);
    }
  });
});

describe('chooseLanguage', () => {
  it.each([
    { stored: 'en', preferred: ['de-DE'], expected: 'en' },
    { stored: 'de', preferred: ['en-US'], expected: 'de' },
    { stored: null, preferred: ['en-GB', 'de'], expected: 'en' },
    { stored: null, preferred: ['fr-FR', 'de-AT'], expected: 'de' },
    { stored: null, preferred: ['fr-FR', 'EN'], expected: 'en' },
    { stored: 'xx', preferred: ['fr'], expected: 'de' },
    { stored: undefined, preferred: [], expected: 'de' },
  ])('stored $stored, browser $preferred → $expected', ({ stored, preferred, expected }) => {
    expect(chooseLanguage(stored, preferred)).toBe(expected);
  });
  /**
   * WCAG 2.5.3 (label in name): a control that shows `x` and is named `xLabel` (the title added so that
   * a screen reader tells one card's button from the next) must keep the visible words in its name,
   * or speech users saying what they see miss it; axe calls it label-content-name-mismatch, but only
   * on the screens a browser test happens to open. Pairs where `xLabel` names another element
   * (the field a button opens) are listed with the reason.
   */
  it('keeps the visible text of a control in its accessible name (xLabel contains x)', () => {
    const namesAnotherElement = new Set([
      // "Frage stellen" opens the field named "Verständnisfrage zu „…“"; "Reagieren" the field "Reaktion auf „…“".
      'space.between.proposals.askLabel',
      'space.between.proposals.reactLabel',
      // The projector link's field label, beside the "Beamer-Ansicht" button.
      'share.projectorLinkLabel',
    ]);
    const spoken = (text: string) =>
      text
        .toLowerCase()
        .replace(/\{\{\w+\}\}/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    for (const messages of [german, english]) {
      const broken = [...messages].filter(([key, name]) => {
        const visible = key.endsWith('Label') ? messages.get(key.slice(0, -'Label'.length)) : undefined;
        return visible !== undefined && !namesAnotherElement.has(key) && !spoken(name).includes(spoken(visible));
      });
      expect(broken.map(([key, name]) => `${key}: ${name}`)).toEqual([]);
    }
  });
});
