import { describe, expect, it } from 'vitest';
import type { Participant } from '../core/participants.ts';
import { seatDeviceLabelSchema, seatRevokeDeviceRequestSchema } from '../protocol/seatProtocol.ts';
import { deviceCapRefusal, deviceIdOf, devicesToRevoke, DEVICES_PER_SEAT, mayReissueSeat } from './seatDevices.ts';

const person = (id: string, role: Participant['role']): Participant => ({
  id,
  name: id,
  role,
  online: true,
  joinedAt: 1,
});
const people = [person('p_fac', 'facilitator'), person('p_ana', 'participant'), person('p_ben', 'participant')];
const devices = [{ id: 'aaaaaaaaaaaaaaaa' }, { id: 'bbbbbbbbbbbbbbbb' }, { id: 'cccccccccccccccc' }];

describe('deviceIdOf', () => {
  it('is the first 16 characters of the token hash, a valid device id on the wire', () => {
    const hash = 'q1W2e3R4t5Y6u7I8o9P0a-S_d1F2g3H4j5K6l7Z8x9C';
    expect(deviceIdOf(hash)).toBe('q1W2e3R4t5Y6u7I8');
    expect(seatRevokeDeviceRequestSchema.safeParse({ deviceId: deviceIdOf(hash) }).success).toBe(true);
  });
});

describe('deviceCapRefusal', () => {
  it.each([
    { count: 0, refused: false },
    { count: DEVICES_PER_SEAT - 1, refused: false },
    { count: DEVICES_PER_SEAT, refused: true },
    { count: DEVICES_PER_SEAT + 3, refused: true },
  ])('a seat on $count devices: refused $refused', ({ count, refused }) => {
    const refusal = deviceCapRefusal(count);
    expect(refusal !== undefined).toBe(refused);
    if (refusal)
      expect(refusal).toEqual({
        code: 'limit_reached',
        message: 'This seat is on too many devices. Remove one first.',
      });
  });
});

describe('mayReissueSeat', () => {
  it.each([
    { actor: 'p_fac', target: 'p_ana', may: true, why: 'a facilitator, for a member' },
    { actor: 'p_fac', target: 'p_fac', may: false, why: 'a facilitator, for their own seat' },
    { actor: 'p_ana', target: 'p_ben', may: false, why: 'a participant, for another' },
    { actor: 'p_ana', target: 'p_ana', may: false, why: 'a participant, for their own seat' },
    { actor: 'p_fac', target: 'p_gone', may: false, why: 'a facilitator, for a seat that does not exist' },
    { actor: 'p_gone', target: 'p_ana', may: false, why: 'someone without a seat' },
  ])('$why: $may', ({ actor, target, may }) => {
    expect(mayReissueSeat(people, actor, target)).toBe(may);
  });
});

describe('devicesToRevoke', () => {
  it.each([
    {
      name: 'a copy keeps every device',
      link: { mode: 'copy', fromDevice: 'aaaaaaaaaaaaaaaa', revokeOthers: false },
      out: [],
    },
    {
      name: 'a move leaves the device that made the link',
      link: { mode: 'move', fromDevice: 'bbbbbbbbbbbbbbbb', revokeOthers: false },
      out: ['bbbbbbbbbbbbbbbb'],
    },
    {
      name: 'a move from a device already gone leaves nothing',
      link: { mode: 'move', fromDevice: 'zzzzzzzzzzzzzzzz', revokeOthers: false },
      out: [],
    },
    {
      name: 'a move without a device (re-issued) leaves nothing',
      link: { mode: 'move', fromDevice: null, revokeOthers: false },
      out: [],
    },
    {
      name: 'a re-issue with revokeOthers leaves every device',
      link: { mode: 'copy', fromDevice: null, revokeOthers: true },
      out: ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc'],
    },
  ] as const)('$name', ({ link, out }) => {
    expect(devicesToRevoke(link, devices)).toEqual(out);
  });
});

describe('seatDeviceLabelSchema', () => {
  it.each([
    { label: 'Firefox on Android', ok: true },
    { label: '  Laptop  ', ok: true },
    { label: 'Handy von Ana 📱', ok: true },
    { label: '', ok: false },
    { label: '   ', ok: false },
    { label: 'x'.repeat(61), ok: false },
    { label: 'evil\u202Egnp.exe', ok: false },
    { label: 'line\nbreak', ok: false },
    { label: 'nul\u0000byte', ok: false },
    { label: 'zero\u200Bwidth', ok: false },
  ])('$label: $ok', ({ label, ok }) => {
    expect(seatDeviceLabelSchema.safeParse(label).success).toBe(ok);
  });
});
