import { describe, expect, it } from 'vitest';
import { createBatcher } from './batcher.ts';

type E = { type: string; n?: number };

describe('createBatcher', () => {
  it('sends urgent events at once, collapses steps, and holds the rest for the interval', async () => {
    const sent: E[][] = [];
    const b = createBatcher<E>(async (batch) => void sent.push(batch), 60_000, (e) => e.type === 'end');
    b.push({ type: 'epoch' });
    b.push({ type: 'step', n: 1 });
    b.push({ type: 'step', n: 2 });
    expect(sent).toEqual([[{ type: 'epoch' }]]);
    b.push({ type: 'end' });
    expect(sent).toEqual([[{ type: 'epoch' }], [{ type: 'step', n: 2 }, { type: 'end' }]]);
  });

  it('drain() resolves only after the receiver has taken every batch', async () => {
    const taken: string[] = [];
    const b = createBatcher<E>((batch) => new Promise((resolve) => setTimeout(() => resolve(taken.push(...batch.map((e) => e.type))), 20)), 60_000, () => false);
    b.push({ type: 'a' });
    b.push({ type: 'b' });
    await b.drain();
    expect(taken).toEqual(['a', 'b']);
  });

  it('drain() survives a receiver that fails', async () => {
    const b = createBatcher<E>(() => Promise.reject(new Error('page gone')), 0, () => true);
    b.push({ type: 'a' });
    await expect(b.drain()).resolves.toBeUndefined();
  });
});
