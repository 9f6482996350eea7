import { seatDeviceLabelSchema } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { deviceLabel } from './deviceLabel.ts';

const agents = {
  chromeAndroid:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  chromeIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1',
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
  samsung:
    'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
  headless:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
};

describe('deviceLabel', () => {
  it.each([
    [agents.chromeAndroid, 'Chrome · Android'],
    [agents.safariIphone, 'Safari · iOS'],
    [agents.chromeIphone, 'Chrome · iOS'],
    [agents.firefoxWindows, 'Firefox · Windows'],
    [agents.edgeWindows, 'Edge · Windows'],
    [agents.samsung, 'Samsung Internet · Android'],
    [agents.safariMac, 'Safari · macOS'],
    [agents.firefoxLinux, 'Firefox · Linux'],
    [agents.headless, 'Chrome · Linux'],
    ['', 'Browser'],
    ['curl/8.0', 'Browser'],
  ])('reads %s as %s', (userAgent, label) => {
    expect(deviceLabel({ userAgent })).toBe(label);
  });

  it('prefers client hints, and a brand over the engine', () => {
    const userAgentData = {
      brands: [{ brand: 'Not/A)Brand' }, { brand: 'Chromium' }, { brand: 'Microsoft Edge' }],
      platform: 'Windows',
      mobile: false,
    };
    expect(deviceLabel({ userAgent: agents.chromeAndroid, userAgentData })).toBe('Edge · Windows');
    expect(deviceLabel({ userAgent: '', userAgentData: { brands: [{ brand: 'Chromium' }], platform: 'Linux' } })).toBe(
      'Chromium · Linux',
    );
  });

  it('always gives a label the server accepts', () => {
    for (const userAgent of [...Object.values(agents), '', '\u0000\u200b', 'x'.repeat(500)]) {
      expect(seatDeviceLabelSchema.safeParse(deviceLabel({ userAgent })).success).toBe(true);
    }
  });
});
