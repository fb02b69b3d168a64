import { Module } from '@nestjs/common';
import { smtpConfig, type SmtpConfigType } from '@solidpoint/nestjs-smtp';
import { commandLineImports, runCommandLine } from '../cli/command-line';
import { databaseConfig } from '../database/database.config';
import { USER_STATUSES, type UserStatus } from '../database/schema';
import { NotificationsModule } from '../notifications';
import { OutboxQueueModule } from '../outbox/outbox-queue.module';
import { type AccountDecision, AccountReviewService, NotPendingError } from './account-review.service';
import type { UserListing } from './user';
import { UsersRepository } from './users.repository';

const USAGE = `Usage: npm run users -- <command>
  list [--status pending|active|rejected]   registered users (default: all), oldest first, without password hashes
  activate <email>                          activate a pending user and email them that their account is active
  reject <email>                            reject a pending user and email them that their registration was declined`;

/** The database and the outbox, to queue only: the app's workers send what is queued here. */
@Module({
  imports: [...commandLineImports([databaseConfig, smtpConfig]), NotificationsModule, OutboxQueueModule],
  providers: [UsersRepository, AccountReviewService],
})
class UsersCliModule {}

const PAST_TENSE: Record<AccountDecision, string> = { activate: 'Activated', reject: 'Rejected' };

function describe(user: UserListing): string {
  const name = user.lastName === null ? user.firstName : `${user.firstName} ${user.lastName}`;
  return `${user.id}  ${user.status.padEnd(8)}  ${user.locale}  ${user.createdAt.toISOString()}  ${user.email}  ${name}`;
}

async function decide(
  review: AccountReviewService,
  smtp: SmtpConfigType,
  decision: AccountDecision,
  email: string,
): Promise<number> {
  try {
    const user = await review.decide(email, decision);
    const notice = smtp.enabled
      ? `their email (${user.locale}) is queued`
      : 'no email is queued: SMTP is not configured (SMTP_ADDRESS is unset)';
    process.stdout.write(`${PAST_TENSE[decision]} ${user.email}; ${notice}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof NotPendingError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

async function list(users: UsersRepository, status?: UserStatus): Promise<number> {
  const listed = await users.list(status);
  listed.forEach((user) => process.stdout.write(`${describe(user)}\n`));
  process.stdout.write(`${listed.length} user(s)\n`);
  return 0;
}

const isStatus = (value: string | undefined): value is UserStatus => USER_STATUSES.includes(value as UserStatus);
const isDecision = (value: string | undefined): value is AccountDecision => value === 'activate' || value === 'reject';

runCommandLine(UsersCliModule, async (app, args) => {
  const [command, ...rest] = args;
  if (command === 'list' && rest.length === 0) return list(app.get(UsersRepository));
  if (command === 'list' && rest.length === 2 && rest[0] === '--status' && isStatus(rest[1])) {
    return list(app.get(UsersRepository), rest[1]);
  }
  if (isDecision(command) && rest.length === 1) {
    return decide(app.get(AccountReviewService), app.get<SmtpConfigType>(smtpConfig.KEY), command, rest[0]);
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
});
