import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { boundedParser, FrameRefusedError, frameLimits } from './frameParser.ts';

/** Decodes one text packet with our parser: the packet, or the error Socket.IO would catch. */
function decode(chunk: string | Uint8Array): unknown {
  const decoder = new (boundedParser(createLogger('silent')).Decoder)();
  let decoded: unknown;
  decoder.on('decoded', (packet: unknown) => (decoded = packet));
  try {
    decoder.add(chunk);
    return decoded;
  } catch (err) {
    return err;
  } finally {
    decoder.destroy();
  }
}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('the bounded Socket.IO decoder', () => {
  it('passes what our protocol sends: name, payload, meta, ack id', () => {
    expect(decode('21["topic:add",{"title":"x"},{"commandId":"abcdefgh"}]')).toEqual({
      type: 2,
      nsp: '/',
      id: 1,
      data: ['topic:add', { title: 'x' }, { commandId: 'abcdefgh' }],
    });
    expect(decode('0{"protocolVersion":2}')).toMatchObject({ type: 0, data: { protocolVersion: 2 } });
  });

  it(`passes ${frameLimits.eventItems} items and refuses one more, in events and acks`, () => {
    const items = (n: number) => JSON.stringify(['e', ...Array<number>(n - 1).fill(1)]);
    expect(decode(`2${items(frameLimits.eventItems)}`)).toMatchObject({ type: 2 });
    expect(decode(`2${items(frameLimits.eventItems + 1)}`)).toBeInstanceOf(FrameRefusedError);
    expect(decode(`31${JSON.stringify(Array<number>(frameLimits.eventItems + 1).fill(1))}`)).toBeInstanceOf(
      FrameRefusedError,
    );
  });

  it(`passes nesting ${frameLimits.depth} deep and refuses one more, in events and handshakes`, () => {
    expect(decode(`2["e",${nested(frameLimits.depth - 1)}]`)).toMatchObject({ type: 2 });
    expect(decode(`2["e",${nested(frameLimits.depth)}]`)).toBeInstanceOf(FrameRefusedError);
    const deepAuth = `${'{"a":'.repeat(frameLimits.depth + 1)}0${'}'.repeat(frameLimits.depth + 1)}`;
    expect(decode(`0${deepAuth}`)).toBeInstanceOf(FrameRefusedError);
  });

  it.each([
    ['a binary event', '51-["e",{"_placeholder":true,"num":0}]'],
    ['a binary ack', '61-[{"_placeholder":true,"num":0}]'],
    ['another namespace', '2/admin,["e"]'],
    ['a CONNECT_ERROR from a client', '4{"message":"x"}'],
    ['an ack id beyond safe integers', `2${'9'.repeat(20)}["e"]`],
  ])('refuses %s', (_label, frame) => {
    expect(decode(frame)).toBeInstanceOf(FrameRefusedError);
  });

  it('refuses bytes, which only binary packets would bring', () => {
    expect(decode(new Uint8Array([1, 2, 3]))).toBeInstanceOf(FrameRefusedError);
  });

  it('still throws socket.io-parser’s own refusals', () => {
    expect(decode('2not json')).toBeInstanceOf(Error);
    expect(decode('2["disconnect"]')).toBeInstanceOf(Error);
  });
});
