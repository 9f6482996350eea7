import { describe, expect, it } from 'vitest';
import { ReplicaAcks, ReplicasMissingError } from './replicaAcks.ts';

/** A WAIT sender whose answers the test hands out one by one, recording which route each was sent on. */
function scriptedWaits() {
  const sent: Array<{ route: string; answer: (count: number) => void; fail: (err: unknown) => void }> = [];
  const send = (key: string) =>
    new Promise<number>((resolve, reject) => {
      sent.push({ route: key, answer: resolve, fail: reject });
    });
  return { sent, send };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('ReplicaAcks', () => {
  it('asks nothing when no replica is required', async () => {
    const { sent, send } = scriptedWaits();
    await new ReplicaAcks(0, send).confirm('', '{s1}:k');
    expect(sent).toHaveLength(0);
  });

  it('never lets a commit ride on a WAIT sent before it asked: it joins the next one', async () => {
    const { sent, send } = scriptedWaits();
    const acks = new ReplicaAcks(1, send);
    const first = acks.confirm('a', '{s1}:a');
    expect(sent).toHaveLength(1);
    // Two more commits answered while the first WAIT is out: one shared WAIT after it, not one each.
    let secondDone = false;
    const second = acks.confirm('a', '{s1}:a').then(() => (secondDone = true));
    const third = acks.confirm('a', '{s1}:a');
    expect(sent).toHaveLength(1);
    sent[0]?.answer(1);
    await first;
    await settled();
    expect(secondDone).toBe(false);
    expect(sent).toHaveLength(2);
    sent[1]?.answer(1);
    await Promise.all([second, third]);
    expect(sent).toHaveLength(2);
  });

  it('keeps routes apart and sends each WAIT with a key of its route: a WAIT on one connection says nothing about writes on another', () => {
    const { sent, send } = scriptedWaits();
    const acks = new ReplicaAcks(1, send);
    void acks.confirm('master-1', '{s1}:master-1');
    void acks.confirm('master-2', '{s1}:master-2');
    expect(sent.map((s) => s.route)).toEqual(['{s1}:master-1', '{s1}:master-2']);
  });

  it('fails every commit of a round whose WAIT saw too few replicas, and carries on with the next', async () => {
    const { sent, send } = scriptedWaits();
    const acks = new ReplicaAcks(2, send);
    const first = acks.confirm('', '{s1}:k');
    const second = acks.confirm('', '{s1}:k');
    sent[0]?.answer(1);
    await expect(first).rejects.toBeInstanceOf(ReplicasMissingError);
    await settled();
    sent[1]?.fail(new Error('connection lost'));
    await expect(second).rejects.toThrow('connection lost');
    const third = acks.confirm('', '{s1}:k');
    await settled();
    sent[2]?.answer(2);
    await expect(third).resolves.toBeUndefined();
  });
});
