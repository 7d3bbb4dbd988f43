import type { Table } from './results.js';

/** A GitHub-flavoured Markdown table; `|` in cells is escaped so a cell never splits. */
export function markdownTable(table: Table): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const lines = [
    `| ${table.columns.map(cell).join(' | ')} |`,
    `| ${table.columns.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
  return (table.title ? [`**${table.title}**`, '', ...lines] : lines).join('\n');
}
