import { describe, expect, it } from 'vitest';
import { csvRows } from './csvRows.ts';

describe('csvRows', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and CRLF or LF line ends', () => {
    expect(csvRows('file,label\r\na.png,cat\n"b, c.png","say ""hi"""\r\n"multi\nline",x')).toEqual([
      ['file', 'label'], ['a.png', 'cat'], ['b, c.png', 'say "hi"'], ['multi\nline', 'x'],
    ]);
  });
  it('keeps empty fields and ignores a final line end', () => {
    expect(csvRows('a,,b\n\n')).toEqual([['a', '', 'b'], ['']]);
    expect(csvRows('')).toEqual([]);
  });
});
