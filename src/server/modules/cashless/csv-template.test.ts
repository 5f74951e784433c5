import { describe, expect, it } from 'vitest';
import { csvCell, templateCsv } from './csv-template';

describe('template', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['Trường A, B', '"Trường A, B"'],
    ['a;b', '"a;b"'],
    ['plain', 'plain'],
  ])('escapes %j as %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('starts with a BOM and the Vietnamese header, one line per facility', () => {
    const text = templateCsv([{ code: 'TH-1', name: '=cmd' }], '2026-10');
    expect(text.startsWith('\uFEFFMã cơ sở,Tên cơ sở,Tháng (YYYY-MM),')).toBe(true);
    expect(text.split('\r\n')[1]).toBe("TH-1,'=cmd,2026-10,,,,");
  });
});
