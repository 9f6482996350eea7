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

describe('messages', () => {
  it('has the same keys in German and English', () => {
    expect([...english.keys()].sort()).toEqual([...german.keys()].sort());
  });

  it.each([...german.keys()])('%s uses the same placeholders in both languages', (key) => {
    expect(placeholders(english.get(key) ?? '')).toEqual(placeholders(german.get(key) ?? ''));
  });

  it.each([...german.entries()])('%s is not empty in either language', (key, text) => {
    expect(text.trim()).not.toBe('');
    expect(english.get(key)?.trim()).not.toBe('');
  });

  it.each(Object.values(ErrorCode))('has a message for error %s', (code) => {
    expect(german.has(`errors.${code}`)).toBe(true);
    expect(english.has(`errors.${code}`)).toBe(true);
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
});
