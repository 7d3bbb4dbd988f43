/** One element's state in `view.state.values`, as Slack sends it with view_submission. */
interface ElementState {
  type: string;
  value?: string | null;
  selected_date?: string | null;
  selected_option?: { value: string } | null;
}

export type ViewStateValues = Record<string, Record<string, ElementState>>;

/** How to read each element type Baton puts in a modal; unknown types are ignored, and so is anything but text. */
const READERS: Record<string, (state: ElementState) => unknown> = {
  plain_text_input: (s) => s.value,
  datepicker: (s) => s.selected_date,
  static_select: (s) => s.selected_option?.value,
};

/** A submitted modal's values by field name (block_id), as the router's `submit` takes them. */
export function viewValues(values: ViewStateValues): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [blockId, elements] of Object.entries(values)) {
    for (const state of Object.values(elements)) {
      const read = typeof state?.type === 'string' && Object.hasOwn(READERS, state.type) ? READERS[state.type] : undefined;
      const value = read?.(state);
      if (read) result[blockId] = typeof value === 'string' ? value : undefined;
    }
  }
  return result;
}
