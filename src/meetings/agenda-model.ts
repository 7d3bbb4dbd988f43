// The agenda as stored in a meeting's data and drawn on its card; built by agenda.ts. Kept apart
// from the queries so the meeting workflow can use it without importing the workflow registry.

/** One line of an agenda: an item as it stood when the agenda was built. */
export interface AgendaItem {
  ref: string;
  kind: string;
  state: string;
  /** As its author wrote it; adapters escape it. */
  title: string;
  /** ISO instant: the deadline for open items, the closing time for closed ones. */
  at: string | null;
  /** A risk's alert colour. */
  level?: string;
}

export interface AgendaSection {
  items: AgendaItem[];
  /** Items left out beyond the cap, so the card says "and N more". */
  more: number;
}

export const AGENDA_SECTIONS = ['overdue', 'dueThisWeek', 'complaints', 'risks', 'closedLastWeek'] as const;
export type AgendaSectionName = (typeof AGENDA_SECTIONS)[number];

/** A department's live items at one moment (§4.1.1: last week's results, this week's plan, open problems). */
export type Agenda = Record<AgendaSectionName, AgendaSection> & { builtAt: string };

/** Items shown per section; a meeting card has room for a glance, not a register. */
export const SECTION_CAP = 10;
