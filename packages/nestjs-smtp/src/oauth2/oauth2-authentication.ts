import type { PinoLogger } from 'nestjs-pino';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { SmtpEnabledOptions, SmtpOAuth2Auth } from '../interfaces/smtp-module-options.interface.js';
import { SmtpLogMessage } from '../smtp.constants.js';
import { OAuth2TokenSource } from './oauth2-token.source.js';
import { requestAccessToken } from './token-endpoint.js';
import { describeTokenUrl, tokenUrlProblem } from './token-url.js';

/**
 * The token source for `auth`, logging each token obtained (when it expires, never the token).
 * @throws Error naming the option when `auth.tokenUrl` is not usable
 */
export function createTokenSource(auth: SmtpOAuth2Auth, timeoutMs: number, logger: PinoLogger): OAuth2TokenSource {
  const problem = tokenUrlProblem(auth.tokenUrl);
  if (problem !== undefined) throw new Error(`SmtpModule option "auth.tokenUrl" ${problem}`);
  const tokenEndpoint = describeTokenUrl(auth.tokenUrl);
  return new OAuth2TokenSource(async () => {
    const token = await requestAccessToken(auth, timeoutMs);
    logger.info({ tokenEndpoint, expiresAt: new Date(token.expiresAt).toISOString() }, SmtpLogMessage.tokenObtained);
    return token;
  });
}

/** nodemailer's `auth` option: the password as is, or XOAUTH2 with tokens from `tokens`. */
export function transportAuth(
  auth: SmtpEnabledOptions['auth'],
  tokens: OAuth2TokenSource | undefined,
): SMTPPool.Options['auth'] {
  if (auth === undefined) return undefined;
  // Without `type`: nodemailer would take 'password' for the name of a SASL mechanism.
  if (auth.type !== 'oauth2') return { user: auth.user, pass: auth.pass };
  return { type: 'OAuth2', user: auth.user, provisionCallback: tokens?.provision };
}
