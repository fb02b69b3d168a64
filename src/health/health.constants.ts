/** How long an SMTP check's outcome is reused, so probes do not open an SMTP session each time. */
export const SMTP_CHECK_CACHE_MS = 30_000;

/** How long a probe waits for a check before answering with what it knows. */
export const HEALTH_CHECK_WAIT_MS = 3_000;

/** Texts of the health checks' own findings (the others are the errors the logs show). */
export const HealthMessage = {
  smtpDisabled: 'SMTP is not configured; nothing is sent',
  smtpNoAnswer: (seconds: number) => `no answer to the SMTP connection check within ${seconds} s`,
  databaseNoAnswer: (seconds: number) => `no answer from the database within ${seconds} s`,
} as const;
