/**
 * What this device calls itself in its seat's device list ("Chrome · Android"), so a person can
 * tell their phone from the office laptop when they remove one. Only browser and system, never a
 * version or model: enough to recognise, too little to fingerprint anyone.
 */

/** `seatDeviceLabelSchema` takes at most this many characters. */
const maxLength = 60;

/** The parts of `navigator` the label reads; tests pass plain objects. */
export interface DeviceHints {
  userAgent: string;
  userAgentData?: { brands?: readonly { brand: string }[]; platform?: string; mobile?: boolean };
}

// Order matters: Edge, Opera and Samsung's browser also say "Chrome", Chrome on iOS says "Safari".
const browsers: readonly [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(Chrome|CriOS|Chromium|HeadlessChrome)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*Safari\//, 'Safari'],
];

const systems: readonly [RegExp, string][] = [
  [/\bAndroid\b/, 'Android'],
  [/\biPad\b/, 'iPadOS'],
  [/\b(iPhone|iPod)\b/, 'iOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

const brandNames: Record<string, string> = {
  'Google Chrome': 'Chrome',
  HeadlessChrome: 'Chrome',
  'Microsoft Edge': 'Edge',
  Opera: 'Opera',
  'Samsung Internet': 'Samsung Internet',
  Chromium: 'Chromium',
};

const platformNames: Record<string, string> = {
  Android: 'Android',
  'Chrome OS': 'ChromeOS',
  'Chromium OS': 'ChromeOS',
  Linux: 'Linux',
  macOS: 'macOS',
  Windows: 'Windows',
  iOS: 'iOS',
};

function first(table: readonly [RegExp, string][], text: string): string | undefined {
  return table.find(([pattern]) => pattern.test(text))?.[1];
}

/** The browser named by client hints, preferring a real brand over the engine "Chromium". */
function brandOf(brands: readonly { brand: string }[] | undefined): string | undefined {
  const known = (brands ?? []).map((b) => brandNames[b.brand]).filter((name): name is string => name !== undefined);
  return known.find((name) => name !== 'Chromium') ?? known[0];
}

/**
 * A short label such as "Firefox · Android"; "Browser" when nothing is recognised. Always within
 * 60 printable characters, as the server's schema wants.
 */
export function deviceLabel(hints: DeviceHints): string {
  const data = hints.userAgentData;
  const browser = brandOf(data?.brands) ?? first(browsers, hints.userAgent);
  const system = (data?.platform ? platformNames[data.platform] : undefined) ?? first(systems, hints.userAgent);
  const label = [browser ?? 'Browser', system].filter(Boolean).join(' · ');
  return label.slice(0, maxLength);
}

/** This device's label, read from the browser it runs in. */
export function thisDeviceLabel(): string {
  const nav = globalThis.navigator as (Navigator & { userAgentData?: DeviceHints['userAgentData'] }) | undefined;
  return deviceLabel({ userAgent: nav?.userAgent ?? '', userAgentData: nav?.userAgentData });
}
