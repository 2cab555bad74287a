import { describe, expect, it } from 'vitest';
import { readZip } from './formats/zip.ts';
import { utf8 } from './text.ts';
import { writeZip } from './writeZip.ts';

describe('writeZip', () => {
  it('writes text, bytes and folders that the lab’s own zip reader reads back', async () => {
    const big = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 31) ^ (i >> 9)); // over zip.js's 256 KiB chunk
    const zip = await writeZip([
      { path: 'empty', directory: true },
      { path: 'notes/read me.txt', bytes: 'héllo, wörld\n' },
      { path: 'notes/big.bin', bytes: big },
      { path: '日本/a.bin', bytes: new Uint8Array([1, 2, 3]), store: true },
    ]);
    const members = await readZip('out.zip', zip, 1e8);
    expect(members.map((m) => m.path)).toEqual(['empty/', 'notes/read me.txt', 'notes/big.bin', '日本/a.bin']);
    expect(utf8(members[1]!.bytes)).toBe('héllo, wörld\n');
    expect(Buffer.from(members[2]!.bytes).equals(big)).toBe(true);
    expect([...members[3]!.bytes]).toEqual([1, 2, 3]);
  });

  it('deflates members unless asked to store them', async () => {
    const flat = new Uint8Array(100_000).fill(9);
    expect((await writeZip([{ path: 'a', bytes: flat }])).length).toBeLessThan(2_000);
    expect((await writeZip([{ path: 'a', bytes: flat, store: true }])).length).toBeGreaterThan(100_000);
  });

  it('refuses two members with one path', async () => {
    await expect(writeZip([{ path: 'a.txt', bytes: 'x' }, { path: 'a.txt', bytes: 'y' }])).rejects.toThrow();
  });
});
