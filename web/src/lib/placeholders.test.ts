import { describe, expect, it } from 'vitest';
import { templateParts } from './placeholders.ts';

describe('templateParts', () => {
  it.each([
    ['No placeholder.', [{ text: 'No placeholder.', placeholder: false }]],
    [
      'Prepared on [date], reviewed on [date].',
      [
        { text: 'Prepared on ', placeholder: false },
        { text: '[date]', placeholder: true },
        { text: ', reviewed on ', placeholder: false },
        { text: '[date]', placeholder: true },
        { text: '.', placeholder: false },
      ],
    ],
    [
      '[Name], [email]',
      [
        { text: '[Name]', placeholder: true },
        { text: ', ', placeholder: false },
        { text: '[email]', placeholder: true },
      ],
    ],
  ])('%s', (text, parts) => {
    expect(templateParts(text)).toEqual(parts);
  });
});
