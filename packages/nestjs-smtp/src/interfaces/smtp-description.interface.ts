import type { SmtpSecurity } from './smtp-module-options.interface.js';

/**
 * What the SMTP client was configured with, without its secrets: for health checks, sizing
 * batches, or a default sender. Read it from `SmtpClient.description`.
 */
export type SmtpDescription =
  | { readonly enabled: false }
  | {
      readonly enabled: true;
      readonly host: string;
      readonly port: number;
      readonly security: SmtpSecurity;
      /** The default sender, as configured (`address` or `Name <address>`). */
      readonly from: string;
      /** Connections sending in parallel. */
      readonly poolSize: number;
      /** Messages per second at most; undefined when unlimited. */
      readonly rateLimit?: number;
      /** How the client authenticates: `password`, `oauth2`, or undefined for none. */
      readonly auth?: 'password' | 'oauth2';
      /** The DKIM domain and selector messages are signed with, when they are. */
      readonly dkim?: { readonly domain: string; readonly selector: string };
    };
