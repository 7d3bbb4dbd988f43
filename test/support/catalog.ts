// A database's structure as sorted lines of text, for comparing two databases: a failing
// `expect(a).toEqual(b)` then shows exactly which table, column, index or constraint differs.
// Column order is left out on purpose: a column added by a later migration comes last, while
// a database created from the schema in one go has it where schema.prisma lists it.
import { withClient } from './postgres-admin.js';

const IGNORED_TABLES = ['_prisma_migrations'];

// Each takes $1 = schema, $2 = names to ignore, and returns one `line` per object.
const QUERIES = [
  `SELECT 'table ' || table_name AS line
   FROM information_schema.tables
   WHERE table_schema = $1 AND NOT (table_name = ANY($2))`,

  `SELECT format('column %s.%s %s%s%s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                 CASE WHEN a.attnotnull THEN ' not null' ELSE '' END,
                 COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), '')) AS line
   FROM pg_attribute a
   JOIN pg_class c ON c.oid = a.attrelid
   JOIN pg_namespace n ON n.oid = c.relnamespace
   LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT (c.relname = ANY($2))
     AND a.attnum > 0 AND NOT a.attisdropped`,

  `SELECT 'index ' || indexdef AS line
   FROM pg_indexes
   WHERE schemaname = $1 AND NOT (tablename = ANY($2))`,

  `SELECT format('constraint %s.%s %s', c.relname, con.conname, pg_get_constraintdef(con.oid)) AS line
   FROM pg_constraint con
   JOIN pg_class c ON c.oid = con.conrelid
   JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = $1 AND NOT (c.relname = ANY($2))`,

  `SELECT format('sequence %s %s', sequencename, data_type) AS line
   FROM pg_sequences
   WHERE schemaname = $1 AND NOT (sequencename = ANY($2))`,

  // Labels sorted: a value added later comes last, unlike in a database made in one go.
  `SELECT format('enum %s (%s)', t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumlabel)) AS line
   FROM pg_type t
   JOIN pg_enum e ON e.enumtypid = t.oid
   JOIN pg_namespace n ON n.oid = t.typnamespace
   WHERE n.nspname = $1 AND NOT (t.typname = ANY($2))
   GROUP BY t.typname`,

  `SELECT 'extension ' || extname AS line
   FROM pg_extension
   WHERE $1::text IS NOT NULL AND NOT (extname = ANY($2))`,
];

export async function describeCatalog(url: string, schema = 'public'): Promise<string[]> {
  return withClient(url, async (client) => {
    const lines: string[] = [];
    // One after another: a pg client runs one query at a time.
    for (const sql of QUERIES) {
      const { rows } = await client.query<{ line: string }>(sql, [schema, IGNORED_TABLES]);
      lines.push(...rows.map((row) => row.line));
    }
    return lines.sort();
  });
}
