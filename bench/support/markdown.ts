import type { Table } from './results.js';

/** Figures line up on the right: a column whose every cell starts with a digit (or is a dash). */
const numeric = (cells: string[]) => cells.length > 0 && cells.every((c) => /^([\d–-]|$)/.test(c) && c.length <= 24);

/** A GitHub-flavoured Markdown table; `|` in cells is escaped so a cell never splits. */
export function markdownTable(table: Table): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const align = table.columns.map((_, i) => (i > 0 && numeric(table.rows.map((row) => row[i] ?? '')) ? '---:' : '---'));
  const lines = [
    `| ${table.columns.map(cell).join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
  return (table.title ? [`**${table.title}**`, '', ...lines] : lines).join('\n');
}
