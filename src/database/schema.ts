import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SmtpMessage } from '@solidpoint/nestjs-smtp';
import { LOCALES } from '../notifications/locale';

/** A user waits for an administrator (`pending`), who activates (`active`) or rejects (`rejected`) them. */
export const USER_STATUSES = ['pending', 'active', 'rejected'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** Registered users. An email is unique in any letter case: the database enforces it. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name'),
    status: text('status', { enum: USER_STATUSES }).notNull(),
    /** The language of the user's emails; users from before it existed get English, the only one then. */
    locale: text('locale', { enum: LOCALES }).notNull().default('en'),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('users_email_lower_key').on(sql`lower(${table.email})`)],
);

/** `suppressed`: final, not sent because every recipient is suppressed (see `suppressedMailboxes`). */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'suppressed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Emails waiting to be sent (the transactional outbox): written in the same transaction as the
 * change that causes them, sent by the outbox worker, kept a while after sending.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey(),
    /** The Message-ID header, fixed at creation so a repeated delivery is recognisable. */
    messageId: text('message_id').notNull(),
    message: jsonb('message').$type<SmtpMessage>().notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When the job may next be claimed. */
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    /** While `sending`: when the claim expires and another worker may take the job over. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    index('email_outbox_status_run_at_idx').on(table.status, table.runAt),
    index('email_outbox_sent_at_idx').on(table.sentAt),
  ],
);

/**
 * When each mailbox (see `mailboxOf`) was last queued a registration email: a mailbox gets at
 * most one per REGISTRATION_EMAIL_WINDOW, decided in the database so that it holds across
 * instances. Rows whose window has passed are pruned.
 */
export const registrationEmailLimits = pgTable('registration_email_limits', {
  mailbox: text('mailbox').primaryKey(),
  emailedAt: timestamp('emailed_at', { withTimezone: true }).notNull(),
});

/**
 * Throttle pauses of SMTP servers, one row per server (`host:port`), so every instance on the
 * database stops sending to a server that throttled, until `pausedUntil`. Rows are overwritten,
 * never deleted: there are as many as configured servers.
 */
export const smtpThrottlePauses = pgTable('smtp_throttle_pauses', {
  server: text('server').primaryKey(),
  pausedUntil: timestamp('paused_until', { withTimezone: true }).notNull(),
  /** The server's throttling reply, verbatim. */
  reply: text('reply').notNull(),
});

/**
 * Recipients a mail server refused for good (a hard bounce, e.g. `550 5.1.1 user unknown` at
 * RCPT TO), by `suppressionKeyOf`: the outbox sends them nothing more until the outbox CLI lifts
 * the suppression. In the database, so every instance honours it.
 */
export const suppressedMailboxes = pgTable('suppressed_mailboxes', {
  mailbox: text('mailbox').primaryKey(),
  /** The server's reply to RCPT TO, on one line. */
  reason: text('reason').notNull(),
  suppressedAt: timestamp('suppressed_at', { withTimezone: true }).notNull().defaultNow(),
});
