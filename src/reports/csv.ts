/** A cell: text as given, numbers as written by `String`, empty for null. */
export type CsvCell = string | number | null;

/** UTF-8's byte order mark: without it Excel reads a UTF-8 file as the local code page and garbles Chinese. */
const BOM = '\uFEFF';

/**
 * A CSV file per RFC 4180 (comma separated, CRLF line ends, fields with a comma, quote or
 * line break quoted with `"` and inner quotes doubled), as UTF-8 with a BOM.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): Buffer {
  const text = rows.map((row) => row.map(encodeCell).join(',')).join('\r\n');
  return Buffer.from(`${BOM}${text}\r\n`, 'utf8');
}

function encodeCell(cell: CsvCell): string {
  const text = typeof cell === 'number' ? String(cell) : guardFormula(cell ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return before one)
 * as a formula: a title like `=HYPERLINK(...)` typed into a form would run on the manager's
 * machine. A leading apostrophe makes it text (OWASP's CSV-injection advice). Numbers are
 * ours, never user text, so -1 stays a number.
 */
function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
