import type { Locale } from '../config/schema.js';
import type { DelegationStore } from '../delegations/delegations.js';
import type { Directory, Person } from '../directory/directory.js';
import type { Principal } from '../directory/principal.js';
import type { Engine } from '../engine/engine.js';
import type { AccessControl } from '../governance/access-control.js';
import type { Posts } from '../delivery/post.js';
import type { MessageKey, Translator } from '../i18n/translate.js';
import type { Meetings } from '../meetings/meetings.js';
import type { Reports } from '../reports/reports.js';
import type { Reply } from '../reply.js';
import type { RiskRegister } from '../risk/risk-register.js';
import type { Instance, WorkflowEnv } from '../workflows/definition.js';

/** What a command may use; given by the router, so commands never wire anything. */
export interface CommandServices {
  engine: Engine;
  directory: Directory;
  env(): WorkflowEnv;
  /** The environment with today's delegations, for cards that show a delegate their buttons. */
  currentEnv(): Promise<WorkflowEnv>;
  /** Open instances waiting on the person, and those they filed. */
  myItems(person: Person): Promise<{ waiting: Instance[]; open: Instance[] }>;
  commands(): readonly Command[];
  /** Deliveries that finally failed, newest first, for admins. */
  failedDeliveries(limit: number): Promise<FailedDelivery[]>;
  /** Who stands in for whom (`/delegate`). */
  delegations: DelegationStore;
  /** Who may see which items (§6.2.3), and the access log every read of others' data goes to. */
  access: AccessControl;
  /** The instance a typed reference ("REQ-12") names, or null. */
  instanceByRef(ref: string): Promise<Instance | null>;
  /** Messages and files that belong to no instance (reports, exports, digests). */
  posts: Posts;
  /** Figures per department and period (§6.3); callers check visibility and log the read. */
  reports: Reports;
  /** Open risks, most alarming first (`/risk list`); callers check visibility and log the read. */
  risks: RiskRegister;
  /** Configured meetings' occurrences, and the meetings a person takes part in (`/meeting`). */
  meetings: Meetings;
}

export interface FailedDelivery {
  ref: string | null;
  target: string;
  platform: string;
  error: string;
  failedAt: Date;
  attempts: number;
}

export interface CommandContext {
  actor: Person;
  locale: Locale;
  t: Translator;
  services: CommandServices;
}

/**
 * One slash command. The same definition serves every platform: `/request` in Slack, a
 * message or the bot menu in Feishu, a typed line in the console.
 */
export interface Command {
  name: string;
  summaryKey: MessageKey;
  usageKey?: MessageKey;
  /** Who may run it; everyone in the directory when absent. */
  allow?: Principal[];
  /** `args` is the text after the command name. */
  run(ctx: CommandContext, args: string): Promise<Reply>;
  /** Handles the command's own form, when `run` returned one; `args` are those the form was opened with. */
  submit?(ctx: CommandContext, values: Record<string, string | undefined>, args: string): Promise<Reply>;
}
