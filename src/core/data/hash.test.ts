import { describe, expect, it } from 'vitest';
import { contentHash, murmur3, slug } from './hash.ts';
import type { ImageSet } from './types.ts';

const text = (s: string) => new TextEncoder().encode(s);

function set(pixels: number[], labels: number[]): ImageSet {
  return { images: Uint8Array.from(pixels), labels: Int32Array.from(labels), count: labels.length, height: 1, width: 1, channels: pixels.length / labels.length };
}

describe('murmur3', () => {
  it('matches the published MurmurHash3 x86_32 test vectors', () => {
    expect(murmur3(new Uint8Array(0), 0)).toBe(0);
    expect(murmur3(new Uint8Array(0), 1)).toBe(0x514e28b7);
    expect(murmur3(new Uint8Array(0), 0xffffffff)).toBe(0x81f16f39);
    expect(murmur3(new Uint8Array(4), 0)).toBe(0x2362f9de);
    expect(murmur3(text('a'), 0x9747b28c)).toBe(0x7fa09ea6);
    expect(murmur3(text('aa'), 0x9747b28c)).toBe(0x5d211726);
    expect(murmur3(text('aaa'), 0x9747b28c)).toBe(0x283e0130);
    expect(murmur3(text('abcd'), 0x9747b28c)).toBe(0xf0478627);
    expect(murmur3(text('Hello, world!'), 1234)).toBe(0xfaf6cdb3);
    expect(murmur3(text('The quick brown fox jumps over the lazy dog'), 0)).toBe(0x2e4ff723);
  });

  it('does not depend on where a view starts in its buffer', () => {
    const backing = new Uint8Array(37).map((_, i) => i * 13);
    expect(murmur3(backing.subarray(3, 30))).toBe(murmur3(backing.slice(3, 30)));
  });
});

describe('contentHash and slug', () => {
  it('changes with any pixel, label, split or class name, and only then', () => {
    const base = { classes: ['a', 'b'], train: set([1, 2, 3, 4], [0, 1]) };
    const h = contentHash(base);
    expect(h).toMatch(/^[0-9a-f]{8}$/);
    expect(contentHash({ classes: ['a', 'b'], train: set([1, 2, 3, 4], [0, 1]) })).toBe(h);
    expect(contentHash({ ...base, train: set([1, 2, 3, 5], [0, 1]) })).not.toBe(h);
    expect(contentHash({ ...base, train: set([1, 2, 3, 4], [1, 1]) })).not.toBe(h);
    expect(contentHash({ ...base, classes: ['a', 'c'] })).not.toBe(h);
    expect(contentHash({ ...base, test: set([9], [0]) })).not.toBe(h);
    // Same bytes, different shape: 1 image of 4 channels vs 2 of 2.
    expect(contentHash({ classes: ['a', 'b'], train: set([1, 2, 3, 4], [0]) })).not.toBe(
      contentHash({ classes: ['a', 'b'], train: set([1, 2, 3, 4], [0, 0]) }),
    );
  });

  it('slugs names', () => {
    expect(slug('CIFAR-10 subset')).toBe('cifar-10-subset');
    expect(slug('  Fashion_MNIST (5k)! ')).toBe('fashion-mnist-5k');
    expect(slug('日本')).toBe('dataset');
  });
});
