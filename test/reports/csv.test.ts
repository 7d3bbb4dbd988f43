import { expect, it } from 'vitest';
import { toCsv } from '../../src/reports/csv.js';

it('writes UTF-8 with a BOM, CRLF line ends, and quotes per RFC 4180', () => {
  const file = toCsv([
    ['部门', 'Title', 'Count'],
    ['销售部', 'Toner, two cartridges', 3],
    ['rnd', 'He said "now"', null],
    ['it', 'line one\nline two', 0.5],
  ]);
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(file.subarray(3).toString('utf8')).toBe(
    '部门,Title,Count\r\n' +
      '销售部,"Toner, two cartridges",3\r\n' +
      'rnd,"He said ""now""",\r\n' +
      'it,"line one\nline two",0.5\r\n',
  );
});

it('keeps text that a spreadsheet would run as a formula inert, but not our own numbers', () => {
  const text = toCsv([['=HYPERLINK("http://evil","x")', '+1', '-2', '@SUM(A1)', '\t=1', 'a=b', -3]]).subarray(3).toString('utf8');
  expect(text).toBe(`"'=HYPERLINK(""http://evil"",""x"")",'+1,'-2,'@SUM(A1),'\t=1,a=b,-3\r\n`);
});
