/**
 * A tiny `--name value` / `--flag` parser: benchmarks take a handful of numbers and switches, and
 * an unknown option is an error rather than a silently ignored typo.
 */
export function parseArgs<T extends Record<string, string | number | boolean>>(
  defaults: T,
  argv: readonly string[] = process.argv.slice(2),
): T {
  const out: Record<string, string | number | boolean> = { ...defaults };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      console.log(
        `Options (default):\n${Object.entries(defaults)
          .map(([k, v]) => `  --${k} (${String(v)})`)
          .join('\n')}`,
      );
      process.exit(0);
    }
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}`);
    const [name = '', inline] = arg.slice(2).split('=', 2);
    if (!Object.hasOwn(defaults, name)) throw new Error(`Unknown option --${name}`);
    const kind = typeof defaults[name];
    if (kind === 'boolean' && inline === undefined && !(argv[i + 1] ?? '').match(/^(true|false)$/)) {
      out[name] = true;
      continue;
    }
    const raw = inline ?? argv[(i += 1)];
    if (raw === undefined) throw new Error(`--${name} needs a value`);
    if (kind === 'number') {
      const value = Number(raw);
      if (!Number.isFinite(value)) throw new Error(`--${name} must be a number, got ${raw}`);
      out[name] = value;
    } else if (kind === 'boolean') out[name] = raw === 'true';
    else out[name] = raw;
  }
  return out as T;
}

/** `"100,500,1000"` → `[100, 500, 1000]`. */
export function numberList(raw: string): number[] {
  const values = raw.split(',').map((s) => Number(s.trim()));
  if (values.some((v) => !Number.isInteger(v) || v <= 0)) throw new Error(`Not a list of positive integers: ${raw}`);
  return values;
}
