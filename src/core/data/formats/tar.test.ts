import { describe, expect, it } from 'vitest';
import { tarBytes } from '../../../testing/dataFixtures.ts';
import { readTar } from './tar.ts';

const text = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

describe('readTar', () => {
  it('lists files and directories with their bytes, stopping at the zero blocks', () => {
    const tar = tarBytes([{ path: 'd/' }, { path: './d/a.txt', bytes: text('hello') }, { path: 'd/b.bin', bytes: new Uint8Array(700) }]);
    const members = readTar('t.tar', tar);
    expect(members.map((m) => [m.path, m.bytes.length])).toEqual([['d/', 0], ['d/a.txt', 5], ['d/b.bin', 700]]);
    expect(decode(members[1]!.bytes)).toBe('hello');
  });

  it('takes long names from pax and GNU headers', () => {
    const long = `${'x'.repeat(120)}/data_batch_1.bin`;
    const pax = text(`${long.length + 11} path=${long}\n`);
    const tar = tarBytes([
      { path: 'PaxHeader', bytes: pax, type: 'x' },
      { path: 'short-name', bytes: text('1') },
      { path: '././@LongLink', bytes: text(`${long}.gnu\0`), type: 'L' },
      { path: 'other', bytes: text('2') },
      { path: 'plain', bytes: text('3') },
    ]);
    expect(readTar('t.tar', tar).map((m) => m.path)).toEqual([long, `${long}.gnu`, 'plain']);
  });

  it('reports a bad checksum and a member cut off by the end of the file', () => {
    const tar = tarBytes([{ path: 'a.bin', bytes: new Uint8Array(2000) }]);
    const bad = tar.slice();
    bad[0] = 0x62;
    expect(() => readTar('t.tar', bad)).toThrow(/^t\.tar: corrupt tar: bad header checksum at byte 0 \(member 'b\.bin'\)/);
    expect(() => readTar('t.tar', tar.subarray(0, 1500))).toThrow(
      /^t\.tar: truncated tar: member 'a\.bin' needs 2,000 bytes but the archive ends 988 bytes into it/,
    );
    expect(() => readTar('t.tar', tar.subarray(0, 300))).toThrow(/^t\.tar: truncated tar: the header at byte 0 is cut off/);
  });
});
