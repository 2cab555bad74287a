import { describe, expect, it } from 'vitest';
import { describeQuotaError, errorText, isQuotaError } from './storageQuota.ts';

const MiB = 2 ** 20;

describe('describeQuotaError', () => {
  it("names storage, the bytes needed and free, and what to delete, for Chrome's empty-message QuotaExceededError", async () => {
    const error = new DOMException('', 'QuotaExceededError');
    const text = await describeQuotaError(error, 150 * MiB, { usage: 90 * MiB, quota: 100 * MiB, free: 10 * MiB, persisted: false });
    expect(text).toContain('storage');
    expect(text).toContain('needs 150 MiB');
    expect(text).toContain('10 MiB is free');
    expect(text).toContain('90 MiB of');
    expect(text).toContain('Delete imported datasets');
  });

  it('recognises a quota error carried across comlink by name, and says so when the free space is unknown', async () => {
    const carried = Object.assign(new Error(''), { name: 'QuotaExceededError' });
    expect(isQuotaError(carried)).toBe(true);
    expect(await describeQuotaError(carried, undefined, null)).toContain('does not say how much is free');
  });

  it('leaves other errors as their text, never empty', async () => {
    expect(await describeQuotaError(new Error('boom'), 10, null)).toBe('boom');
    expect(errorText(new DOMException('', 'AbortError'))).toBe('AbortError');
    expect(isQuotaError(new DOMException('x', 'AbortError'))).toBe(false);
  });
});
