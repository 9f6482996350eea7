import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';

type Labels = Record<string, string>;

const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

function labelsOf(line: string): Labels {
  const inside = /\{(.*)\}/.exec(line)?.[1] ?? '';
  return Object.fromEntries([...inside.matchAll(LABEL)].map(([, name = '', value = '']) => [name, value]));
}

const sameLabels = (a: Labels, b: Labels) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/** One `/metrics` answer, parsed by parse-prometheus-text-format, with lookups by name and labels. */
export class MetricsScrape {
  readonly families: PrometheusFamily[];

  constructor(readonly text: string) {
    this.families = parsePrometheusTextFormat(text);
  }

  family(name: string): PrometheusFamily | undefined {
    return this.families.find((f) => f.name === name);
  }

  /** A counter's or gauge's value for exactly these labels; 0 when the series does not exist yet. */
  value(name: string, labels: Labels = {}): number {
    const sample = this.family(name)?.metrics.find((m) => sameLabels(m.labels ?? {}, labels));
    return Number(sample?.value ?? 0);
  }

  /**
   * A histogram's observation count for exactly these labels; 0 when the series does not exist.
   * The parser folds every label set of a histogram into one, so it is handed one label set at a
   * time, with those labels taken off.
   */
  histogramCount(name: string, labels: Labels = {}): number {
    const lines = this.text.split('\n').filter((line) => {
      if (!/^\w+/.test(line) || !line.startsWith(name)) return false;
      const series = /^\w+/.exec(line)?.[0];
      if (![`${name}_bucket`, `${name}_sum`, `${name}_count`].includes(series ?? '')) return false;
      const { le: _le, ...rest } = labelsOf(line);
      return sameLabels(rest, labels);
    });
    if (lines.length === 0) return 0;
    const stripped = lines.map((line) => {
      const series = /^\w+/.exec(line)?.[0] ?? '';
      const le = labelsOf(line).le;
      return `${series}${le === undefined ? '' : `{le="${le}"}`} ${line.split(' ').at(-1)}`;
    });
    const [family] = parsePrometheusTextFormat([`# TYPE ${name} histogram`, ...stripped, ''].join('\n'));
    return Number(family?.metrics[0]?.count ?? 0);
  }
}

/** GET `/metrics`; throws unless it answers 200. */
export async function scrapeMetrics(url: string, headers: Record<string, string> = {}): Promise<MetricsScrape> {
  const response = await fetch(`${url}/metrics`, { headers });
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  return new MetricsScrape(await response.text());
}
