/**
 * What this device calls itself in its seat's device list ("Firefox on Android"): enough for a
 * person to tell their phone from their laptop, never more than the browser already tells every
 * site. Bounded and printable, as `seatDeviceLabelSchema` asks.
 */
export function deviceLabel(userAgent: string = globalThis.navigator?.userAgent ?? ''): string {
  const browser = firstMatch(userAgent, [
    [/Edg\//, 'Edge'],
    [/OPR\//, 'Opera'],
    [/Firefox\/|FxiOS/, 'Firefox'],
    [/Chrome\/|CriOS/, 'Chrome'],
    [/Safari\//, 'Safari'],
  ]);
  const system = firstMatch(userAgent, [
    [/iPhone/, 'iPhone'],
    [/iPad/, 'iPad'],
    [/Android/, 'Android'],
    [/Windows/, 'Windows'],
    [/Mac OS X|Macintosh/, 'Mac'],
    [/CrOS/, 'ChromeOS'],
    [/Linux/, 'Linux'],
  ]);
  if (browser && system) return `${browser} (${system})`;
  return browser ?? system ?? 'Browser';
}

function firstMatch(text: string, table: [RegExp, string][]): string | undefined {
  return table.find(([pattern]) => pattern.test(text))?.[1];
}
