import type { Command } from '../src/commands/command.js';
import { approvalCommand } from './approval.js';
import { delegateCommand } from './delegate.js';
import { failuresCommand } from './failures.js';
import { helpCommand } from './help.js';
import { myCommand } from './my.js';
import { requestCommand } from './request.js';

/** Every command. Adding one is a file in this folder and a line here. */
export const commands: readonly Command[] = [requestCommand, approvalCommand, delegateCommand, myCommand, helpCommand, failuresCommand];
