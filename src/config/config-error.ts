/** One mistake in a configuration file, located so an editor can jump to it. */
export type ConfigIssue = {
  file: string;
  /** 1-based; 0 when the mistake has no place in the file (e.g. it could not be read). */
  line: number;
  /** 1-based; 0 together with `line`. */
  column: number;
  /** Where in the document, like `departments[2].head`; empty for the file as a whole. */
  path: string;
  message: string;
};

/**
 * Thrown before anything starts when the configuration is unusable. It carries
 * every issue found, so an admin can fix the whole file in one pass instead of
 * restarting once per typo.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[]) {
    super(describeIssues(issues));
    this.issues = issues;
  }
}

/** `baton.config.yaml:12:11 departments[2].head: expected …` */
export function formatConfigIssue(issue: ConfigIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  const path = issue.path ? ` ${issue.path}` : '';
  return `${where}${path}: ${issue.message}`;
}

/** Renders a document path the way people read it: `departments[2].name.zh-CN`. */
export function formatConfigPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      if (/^[\w-]+$/.test(key)) out += out ? `.${key}` : key;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

function describeIssues(issues: ConfigIssue[]): string {
  const files = [...new Set(issues.map((i) => i.file))].join(', ');
  const count = issues.length === 1 ? '1 mistake' : `${issues.length} mistakes`;
  return [`${files} has ${count}:`, ...issues.map(formatConfigIssue)].join('\n');
}
