import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: what issue 5 holds the app to. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

let axeSource: Promise<string> | undefined;

function loadAxeSource(): Promise<string> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** One violated rule, as a line a developer can act on. */
export interface AxeViolation {
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  /** CSS selectors of the offending elements, with axe's summary of what is wrong with each. */
  nodes: Array<{ target: string; summary: string }>;
}

function toViolation(result: Result): AxeViolation {
  return {
    rule: result.id,
    impact: result.impact ?? 'unknown',
    help: result.help,
    helpUrl: result.helpUrl,
    nodes: result.nodes.map((node) => ({
      target: node.target.map(String).join(' >> '),
      summary: (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' '),
    })),
  };
}

/**
 * Runs axe-core in the page (injected through the DevTools protocol, so the page's own
 * Content-Security-Policy does not matter) with the WCAG A and AA rules and returns the
 * violations. `exclude` takes selectors of elements to leave out; each use needs a reason at the
 * call site.
 */
export async function axeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<AxeViolation[]> {
  const source = await loadAxeSource();
  await page.evaluate(source);
  const runOptions: RunOptions = { runOnly: { type: 'tag', values: [...wcagTags] }, resultTypes: ['violations'] };
  const context = { exclude: options.exclude ?? [] };
  const results = await page.evaluate(
    ([ctx, opts]) =>
      (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResults> } }).axe.run(ctx, opts),
    [context, runOptions] as const,
  );
  return results.violations.map(toViolation);
}

/** The violations as readable text: rule, impact, what to fix and where. Empty when there are none. */
export function formatViolations(where: string, violations: AxeViolation[]): string {
  if (violations.length === 0) return '';
  const lines = [`${where}: ${violations.length} axe violation(s)`];
  for (const v of violations) {
    lines.push(`- ${v.rule} (${v.impact}): ${v.help} <${v.helpUrl}>`);
    for (const node of v.nodes.slice(0, 8)) lines.push(`    at ${node.target}: ${node.summary}`);
    if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more`);
  }
  return lines.join('\n');
}
