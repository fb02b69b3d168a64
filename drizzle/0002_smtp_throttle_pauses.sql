CREATE TABLE "smtp_throttle_pauses" (
	"server" text PRIMARY KEY NOT NULL,
	"paused_until" timestamp with time zone NOT NULL,
	"reply" text NOT NULL
);
