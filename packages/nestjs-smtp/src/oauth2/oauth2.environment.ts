import type { EnvironmentReader } from '../environment-reader.js';
import type { SmtpOAuth2Auth } from '../interfaces/smtp-module-options.interface.js';
import { tokenUrlProblem } from './token-url.js';

/** The variables of `SMTP_AUTH=oauth2`, besides SMTP_USERNAME. */
export const OAUTH2_VARIABLES = [
  'SMTP_OAUTH_TOKEN_URL',
  'SMTP_OAUTH_CLIENT_ID',
  'SMTP_OAUTH_CLIENT_SECRET',
  'SMTP_OAUTH_SCOPE',
  'SMTP_OAUTH_REFRESH_TOKEN',
] as const;

/**
 * Reads `SMTP_AUTH=oauth2`'s settings: SMTP_USERNAME (the mailbox) and the SMTP_OAUTH_* variables,
 * recording a problem for each one missing or wrong; values of the secret and the URL are never echoed.
 */
export function readOAuth2Environment(reader: EnvironmentReader, user: string | undefined): SmtpOAuth2Auth {
  if (user === undefined) reader.problem('SMTP_AUTH=oauth2 needs SMTP_USERNAME, the mailbox to send as');
  if (reader.text('SMTP_PASSWORD') !== undefined)
    reader.problem('SMTP_PASSWORD is set but SMTP_AUTH=oauth2 authenticates with SMTP_OAUTH_CLIENT_SECRET; unset it');
  const refreshToken = reader.text('SMTP_OAUTH_REFRESH_TOKEN');
  const required = (name: (typeof OAUTH2_VARIABLES)[number]): string => {
    const value = reader.text(name);
    if (value === undefined) reader.problem(`SMTP_AUTH=oauth2 needs ${name}`);
    return value ?? '';
  };
  const tokenUrl = required('SMTP_OAUTH_TOKEN_URL');
  const problem = tokenUrl === '' ? undefined : tokenUrlProblem(tokenUrl);
  if (problem !== undefined) reader.problem(`SMTP_OAUTH_TOKEN_URL ${problem}`);
  const clientId = required('SMTP_OAUTH_CLIENT_ID');
  const clientSecret = required('SMTP_OAUTH_CLIENT_SECRET');
  // Client credentials name what they are for by the scope; a refresh token already carries its own.
  const scope = refreshToken === undefined ? required('SMTP_OAUTH_SCOPE') : reader.text('SMTP_OAUTH_SCOPE');
  return {
    type: 'oauth2',
    user: user ?? '',
    tokenUrl,
    clientId,
    clientSecret,
    ...(scope === undefined ? {} : { scope }),
    ...(refreshToken === undefined ? {} : { refreshToken }),
  };
}
