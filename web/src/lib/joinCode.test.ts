import { describe, expect, it } from 'vitest';
import { formatJoinCode, isJoinCode, joinAddresses, readJoinCodeInput } from './joinCode.ts';

describe('readJoinCodeInput', () => {
  it.each([
    { raw: 'k7p4xm', code: 'K7P4XM', complete: true, invalid: [] },
    { raw: ' K7P 4XM ', code: 'K7P4XM', complete: true, invalid: [] },
    { raw: 'k7p-4xm', code: 'K7P4XM', complete: true, invalid: [] },
    { raw: 'https://runde.example/j/k7p4xm', code: 'K7P4XM', complete: true, invalid: [] },
    { raw: 'runde.example/j/K7P4XM?x=1', code: 'K7P4XM', complete: true, invalid: [] },
    { raw: 'K7P4', code: 'K7P4', complete: false, invalid: [] },
    { raw: 'K7P4XMM', code: 'K7P4XMM', complete: false, invalid: [] },
    { raw: 'O1IL0A', code: 'O1IL0A', complete: false, invalid: ['O', '1', 'I', 'L', '0'] },
    { raw: 'AA00AA', code: 'AA00AA', complete: false, invalid: ['0'] },
    { raw: '', code: '', complete: false, invalid: [] },
  ])('reads "$raw" as $code', ({ raw, code, complete, invalid }) => {
    expect(readJoinCodeInput(raw)).toEqual({ code, complete, invalid });
  });
});

describe('isJoinCode', () => {
  it.each([
    ['K7P4XM', true],
    ['k7p4xm', false],
    ['K7P4X', false],
    ['K7P4X0', false],
    ['../../', false],
  ])('%s → %s', (code, expected) => {
    expect(isJoinCode(code)).toBe(expected);
  });
});

describe('formatJoinCode', () => {
  it.each([
    ['K7P4XM', 'K7P 4XM'],
    ['ABCD', 'ABCD'],
  ])('%s → %s', (code, expected) => {
    expect(formatJoinCode(code)).toBe(expected);
  });
});

describe('joinAddresses', () => {
  it.each([
    ['https://runde.example', 'https://runde.example/j/K7P4XM', 'runde.example/join'],
    ['http://192.168.1.20:3000', 'http://192.168.1.20:3000/j/K7P4XM', '192.168.1.20:3000/join'],
  ])('on %s', (origin, joinUrl, joinPage) => {
    expect(joinAddresses('K7P4XM', origin)).toEqual({ joinUrl, joinPage });
  });
});
