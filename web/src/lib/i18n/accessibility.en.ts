import type { Messages } from './de.ts';

/** English text of the accessibility statement; see `accessibility.de.ts`. */
export const accessibilityEn: Messages['accessibility'] = {
  pageTitle: 'Accessibility statement – Runde',
  heading: 'Accessibility statement',
  templateNote:
    'Template: whoever runs Runde replaces the marked parts in square brackets with their own details and checks the statements before publishing.',
  placeholder: 'Placeholder',
  intro:
    '[Name of the body that runs Runde] is committed to making this application accessible in accordance with [legal basis, e.g. the German Disability Equality Act (BGG) and the Barrier-Free Information Technology Ordinance (BITV 2.0), or the national law transposing Directive (EU) 2016/2102].',
  scope: 'This accessibility statement applies to [address of this application, e.g. https://runde.example.org].',
  status: {
    heading: 'Compliance status',
    text: 'The accessibility requirements follow from BITV 2.0 and Directive (EU) 2016/2102. The benchmark is the harmonised European standard EN 301 549 and the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA.',
    result:
      'This application is [fully / partially / not] compliant with these requirements. [If partially or not: the content listed below is not accessible.]',
    design:
      'Runde is built to meet WCAG 2.1 AA: keyboard operation, names for all controls, screen reader announcements of changes, contrast of at least 4.5:1 in the light and dark themes, zoom up to 200 % and plain-language texts in German and English. The QR code for joining is always also given as a link and as a code to type in.',
  },
  nonAccessible: {
    heading: 'Non-accessible content',
    intro: 'The following content is not accessible, or only partially:',
    item1: '[Content or function] – [which requirement is not met and why] – [accessible alternative, if any]',
    item2: '[Further content, or “No known limitations”]',
    burden: '[If applicable: content whose accessible design would be a disproportionate burden, with the reasons.]',
  },
  preparation: {
    heading: 'Preparation of this statement',
    text: 'This statement was prepared on [date of preparation]. It is based on [a self-assessment / an assessment by a third party, e.g. a BITV test by (name of the testing body)].',
    reviewed: 'The statement was last reviewed on [date of the last review].',
  },
  feedback: {
    heading: 'Feedback and contact details',
    text: 'Have you noticed accessibility problems, or do you need information on content that is not accessible? Please contact:',
    contact: '[Name of the responsible office or person], [email address], [telephone number], [postal address]',
    answer: 'We usually reply within [number] weeks.',
  },
  enforcement: {
    heading: 'Enforcement procedure (conciliation)',
    text: 'If you receive no reply, or no satisfactory reply, to your feedback, you can turn to the responsible conciliation body. The conciliation procedure is free of charge; you do not need legal representation.',
    body: '[Name of the responsible conciliation body, e.g. the conciliation body under section 16 BGG at the Federal Government Commissioner for Matters relating to Persons with Disabilities, or the body under state law], [address], [telephone number], [email address], [website]',
  },
};
