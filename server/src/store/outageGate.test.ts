import { describe, expect, it } from 'vitest';
import { OutageGate } from './outageGate.ts';
import { StoreUnavailableError } from './sessionStore.ts';

class NoAnswer extends Error {}

function pending<T>() {
  let settle!: { resolve: (value: T) => void; reject: (err: unknown) => void };
  const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  return { promise, ...settle };
}

describe('OutageGate', () => {
  let now = 0;
  const gate = () => new OutageGate((err) => err instanceof NoAnswer, { probeIntervalMs: 1_000, now: () => now });

  it('lets every call through while Redis answers, errors included', async () => {
    const g = gate();
    await expect(g.run(() => Promise.reject(new Error('ERR wrong type')))).rejects.toThrow('wrong type');
    const calls = await Promise.all([1, 2, 3].map((n) => g.run(() => Promise.resolve(n))));
    expect(calls).toEqual([1, 2, 3]);
    expect(g.failing).toBe(false);
  });

  it('after a call got no answer, sends one probe and fails the others at once', async () => {
    const g = gate();
    await expect(g.run(() => Promise.reject(new NoAnswer()))).rejects.toBeInstanceOf(NoAnswer);
    // Within the probe interval nothing is tried: a session's queued commands fail one after the other at once.
    await expect(g.run(() => Promise.resolve('too soon'))).rejects.toBeInstanceOf(StoreUnavailableError);
    now += 1_000;
    const probe = pending<string>();
    let probed = 0;
    const first = g.run(() => {
      probed += 1;
      return probe.promise;
    });
    await expect(g.run(() => Promise.resolve('queued'))).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(probed).toBe(1);
    probe.resolve('back');
    await expect(first).resolves.toBe('back');
    await expect(g.run(() => Promise.resolve('open'))).resolves.toBe('open');
  });

  it('keeps failing fast while probes get no answer, and opens when the connection is back', async () => {
    const g = gate();
    await expect(g.run(() => Promise.reject(new NoAnswer()))).rejects.toBeInstanceOf(NoAnswer);
    now += 1_000;
    const probe = pending<string>();
    const first = g.run(() => probe.promise);
    probe.reject(new NoAnswer());
    await expect(first).rejects.toBeInstanceOf(NoAnswer);
    expect(g.failing).toBe(true);
    now += 500;
    await expect(g.run(() => Promise.resolve('too soon'))).rejects.toBeInstanceOf(StoreUnavailableError);
    g.reset();
    const a = pending<string>();
    const both = [g.run(() => a.promise), g.run(() => Promise.resolve('b'))];
    a.resolve('a');
    await expect(Promise.all(both)).resolves.toEqual(['a', 'b']);
  });
});
