/**
 * How the module names what others observe of it: its log lines, its sends' diagnostics channel,
 * its MIME boundaries. Given as extras of `SmtpModule.forRoot` / `forRootAsync`; every field has
 * a default, so a service names only what it wants its own.
 */
export interface SmtpNaming {
  /** The logger name on every line. Default {@link SMTP_LOGGER_NAME}, `server.api.smtpClient`. */
  loggerName: string;
  /** The `diagnostics_channel` each send is published on. Default `nestjs-smtp:send`. */
  sendChannel: string;
  /** How multipart boundaries begin, before their random part. Default `_NestSmtp_`. */
  mimeBoundaryPrefix: string;
}
