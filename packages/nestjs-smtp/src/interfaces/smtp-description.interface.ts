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
      /** The servers to fail over to, in order, when any are configured. */
      readonly failover?: readonly { readonly host: string; readonly port: number; readonly security: SmtpSecurity }[];
      /** `oauth2` when the client signs in with OAuth2 (XOAUTH2); absent with a password or none. */
      readonly auth?: 'oauth2';
      /** The DKIM domain and selector messages are signed with, when they are. */
      readonly dkim?: { readonly domain: string; readonly selector: string };
    };
