/**
 * The neutral card and form model. Workflows build these; each adapter renders them for its
 * platform. All strings are plain text already in the viewer's language: adapters escape
 * them for their markup, so user input can never become a mention, a link or formatting.
 */

/** Colour of a card: state-like tones, plus the risk-alert colours of the policy (§5.3.2). */
export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'red' | 'orange' | 'yellow';

export interface CardField {
  label: string;
  value: string;
  /** Long values (content, plans) get a full-width row. */
  long?: boolean;
}

export interface CardLink {
  label: string;
  /** Always http(s); validated at input. */
  url: string;
}

export interface Confirmation {
  title: string;
  text: string;
  confirm: string;
  deny: string;
}

export interface CardAction {
  /** Generic id `wf:<instanceId>:<event>:<version>`; see `src/cards/action-id.ts`. */
  id: string;
  label: string;
  style: 'primary' | 'danger' | 'default';
  confirm?: Confirmation;
}

export interface Card {
  /** The workflow instance the card shows, when it shows one. */
  instanceId?: string;
  title: string;
  tone: Tone;
  fields: CardField[];
  links: CardLink[];
  /** Small print: reference, state, deadline. */
  context: string[];
  actions: CardAction[];
}

export interface SelectOption {
  value: string;
  label: string;
}

interface FieldBase {
  name: string;
  label: string;
  required: boolean;
  hint?: string;
  initial?: string;
}

export type FormField =
  | (FieldBase & { kind: 'text'; maxLength: number; multiline: boolean })
  | (FieldBase & { kind: 'date'; notBefore?: 'today' })
  | (FieldBase & { kind: 'select'; options: SelectOption[] })
  /** One http(s) link per line. */
  | (FieldBase & { kind: 'links'; maxLinks: number });

export interface Form {
  /** Where the submission goes: `cmd:<command>` or a workflow action id. */
  id: string;
  title: string;
  submitLabel: string;
  fields: FormField[];
}
