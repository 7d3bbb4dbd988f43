/** A typed line as a command: `/request matter="…"` or, from a Chinese keyboard, `／request`. */
export function parseCommandLine(text: string): { name: string; args: string } | null {
  const match = /^[/／]([^\s]+)\s*([\s\S]*)$/.exec(text.trim());
  if (!match) return null;
  return { name: match[1]!, args: match[2]!.trim() };
}

/** A bot menu's `event_key` names a command, with or without its slash and arguments. */
export function commandFromMenuKey(eventKey: string): { name: string; args: string } | null {
  const key = eventKey.trim();
  if (key === '') return null;
  return parseCommandLine(key.startsWith('/') ? key : `/${key}`);
}
