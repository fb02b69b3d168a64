/**
 * The names this app gives `SmtpModule`'s observable pieces (the package's defaults are neutral),
 * kept from before the module became a package.
 */

/** The `diagnostics_channel` the SMTP client publishes each send on; the metrics subscribe to it. */
export const SMTP_SEND_CHANNEL = 'solidpoint.smtp.send';

/** How the multipart boundaries of the app's emails begin. */
export const MIME_BOUNDARY_PREFIX = '_SolidPoint_';
