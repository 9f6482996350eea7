import { describe, expect, it } from 'vitest';
import type { GovernanceProcess, Objection, Round } from '@runde/shared/client';
import { advanceBlock, nextStep, previousStep } from './governanceSteps.ts';

const objection = (status: Objection['status']): Objection => ({ id: 'o1', by: 'p1', reason: 'r', status, round: 1 });
const process = (over: Partial<GovernanceProcess>): GovernanceProcess => ({
  tensionId: 't1',
  proposerId: 'p1',
  step: 'proposal',
  proposal: 'Do it',
  objections: [],
  objectionRounds: 0,
  ...over,
});
const round = (index: number): Round => ({ kind: 'objection', order: ['p1', 'p2'], index, passed: [], absent: [] });

describe('governance steps', () => {
  it.each([
    { name: 'empty proposal', p: process({ proposal: '' }), r: null, block: 'noProposal' },
    { name: 'written proposal', p: process({}), r: null, block: null },
    { name: 'clarifying', p: process({ step: 'clarifying' }), r: null, block: null },
    { name: 'objection round running', p: process({ step: 'objection' }), r: round(1), block: 'roundOpen' },
    { name: 'objection round done', p: process({ step: 'objection' }), r: round(2), block: null },
    {
      name: 'integration with an open objection',
      p: process({ step: 'integration', objections: [objection('open')] }),
      r: null,
      block: 'openObjections',
    },
    {
      name: 'integration, all handled',
      p: process({ step: 'integration', objections: [objection('integrated')] }),
      r: null,
      block: null,
    },
    { name: 'adopted', p: process({ step: 'adopted' }), r: null, block: 'adopted' },
  ] as const)('advancing: $name → $block', ({ p, r, block }) => {
    expect(advanceBlock(p, r)).toBe(block);
  });

  it.each([
    { p: process({}), next: 'clarifying' },
    { p: process({ step: 'reaction' }), next: 'amend' },
    { p: process({ step: 'amend' }), next: 'objection' },
    { p: process({ step: 'objection', objections: [objection('open')] }), next: 'integration' },
    { p: process({ step: 'objection', objections: [objection('invalid')] }), next: 'adopted' },
    { p: process({ step: 'integration' }), next: 'objection' },
    { p: process({ step: 'adopted' }), next: undefined },
  ] as const)('from $p.step the next step is $next', ({ p, next }) => {
    expect(nextStep(p)).toBe(next);
  });

  it.each([
    { step: 'proposal', back: undefined },
    { step: 'clarifying', back: 'proposal' },
    { step: 'integration', back: 'objection' },
    { step: 'adopted', back: undefined },
  ] as const)('from $step back is $back', ({ step, back }) => {
    expect(previousStep(step)).toBe(back);
  });
});
