import { describe, expect, it } from 'vitest';
import { LatestOnly, type RefusalRetry } from './latestOnly.ts';

/** A task the test finishes by hand, so it can look at what waits meanwhile. */
function gate() {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('LatestOnly', () => {
  it('runs one task per key at a time, and of what arrived meanwhile only the newest', async () => {
    const ran: string[] = [];
    const first = gate();
    const work = new LatestOnly<string>(async (key, input) => {
      ran.push(`${key}:${input}`);
      if (input === 'a1') await first.opened;
    });
    work.push('a', 'a1');
    work.push('a', 'a2');
    work.push('a', 'a3');
    work.push('b', 'b1');
    await Promise.resolve();
    expect(ran).toEqual(['a:a1', 'b:b1']);
    first.open();
    await work.idle();
    expect(ran).toEqual(['a:a1', 'b:b1', 'a:a3']);
  });

  it('goes on with a key after its task failed', async () => {
    const ran: number[] = [];
    const work = new LatestOnly<number>(async (_key, input) => {
      ran.push(input);
      if (input === 1) throw new Error('store down');
    });
    work.push('t', 1);
    work.push('t', 2);
    await work.idle();
    expect(ran).toEqual([1, 2]);
  });

  const refused = new Error('refused');
  const quickRetry: RefusalRetry = { tries: 3, firstDelayMs: 1, retryOn: (err) => err === refused };

  it('runs a refused task again, up to its tries, and not for other failures', async () => {
    const ran: string[] = [];
    const work = new LatestOnly<string>(async (_key, input) => {
      ran.push(input);
      if (input === 'refused') throw refused;
      if (input === 'broken') throw new Error('bug');
    }, quickRetry);
    work.push('a', 'refused');
    work.push('b', 'broken');
    while (ran.filter((input) => input === 'refused').length < 4) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    expect(ran.filter((input) => input === 'refused')).toHaveLength(1 + quickRetry.tries);
    expect(ran.filter((input) => input === 'broken')).toHaveLength(1);
  });

  it('drops the retry of a refused input once newer input arrived, so the older never runs after it', async () => {
    const ran: number[] = [];
    let refuse = true;
    const work = new LatestOnly<number>(async (_key, input) => {
      ran.push(input);
      if (refuse) throw refused;
    }, quickRetry);
    work.push('t', 1);
    await work.idle();
    refuse = false;
    work.push('t', 2);
    await work.idle();
    await new Promise((r) => setTimeout(r, 50));
    expect(ran).toEqual([1, 2]);
  });
});
