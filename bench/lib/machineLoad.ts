import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * How busy the whole machine was, from /proc (Linux only; zeros elsewhere). The machine is
 * shared, and a run whose processes waited for the CPU measures that wait as latency, so every
 * capacity run says how much CPU others took and how often something was kept waiting.
 */
export interface MachineSample {
  /** Jiffies spent busy and in all, summed over every CPU. */
  busy: number;
  total: number;
  /** /proc/pressure/cpu `some total`: µs during which at least one task waited for a CPU. */
  pressureUs: number;
  at: number;
}

export function machineSample(): MachineSample {
  let busy = 0;
  let total = 0;
  let pressureUs = 0;
  try {
    // cpu  user nice system idle iowait irq softirq steal …
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    busy = total - (fields[3] ?? 0) - (fields[4] ?? 0);
  } catch {
    // Not Linux: no figures.
  }
  try {
    const some = /^some .*total=(\d+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    pressureUs = Number(some?.[1] ?? 0);
  } catch {
    // No PSI in this kernel.
  }
  return { busy, total, pressureUs, at: Date.now() };
}

/** Between two samples: cores busy (all processes), and the share of time some task waited for a CPU. */
export function machineLoad(before: MachineSample, after: MachineSample): { busyCores: number; cpuPressure: number } {
  const share = (after.busy - before.busy) / Math.max(1, after.total - before.total);
  return {
    busyCores: Math.round(share * cpus().length * 100) / 100,
    cpuPressure:
      Math.round(((after.pressureUs - before.pressureUs) / 1000 / Math.max(1, after.at - before.at)) * 100) / 100,
  };
}
