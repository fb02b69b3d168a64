CREATE TABLE "suppressed_mailboxes" (
	"mailbox" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"suppressed_at" timestamp with time zone DEFAULT now() NOT NULL
);
