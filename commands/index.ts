import type { Command } from '../src/commands/command.js';
import { accessLogCommand } from './access-log.js';
import { approvalCommand } from './approval.js';
import { delegateCommand } from './delegate.js';
import { callbackCommand } from './callback.js';
import { complaintCommand } from './complaint.js';
import { failuresCommand } from './failures.js';
import { helpCommand } from './help.js';
import { inquiryCommand } from './inquiry.js';
import { meetingCommand } from './meeting.js';
import { myCommand } from './my.js';
import { reportCommand } from './report.js';
import { requestCommand } from './request.js';
import { riskCommand } from './risk.js';
import { showCommand } from './show.js';

/** Every command. Adding one is a file in this folder and a line here. */
export const commands: readonly Command[] = [requestCommand, inquiryCommand, complaintCommand, callbackCommand, riskCommand, meetingCommand, approvalCommand, delegateCommand, myCommand, showCommand, reportCommand, helpCommand, failuresCommand, accessLogCommand];
