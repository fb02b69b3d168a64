CREATE TABLE "registration_email_limits" (
	"mailbox" text PRIMARY KEY NOT NULL,
	"emailed_at" timestamp with time zone NOT NULL
);
