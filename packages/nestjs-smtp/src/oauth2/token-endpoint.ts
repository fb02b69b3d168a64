import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { SmtpOAuth2Auth } from '../interfaces/smtp-module-options.interface.js';
import { OAuth2TokenError } from './oauth2-token.error.js';
import { describeTokenUrl } from './token-url.js';

/** An access token and when it expires (epoch milliseconds). */
export interface AccessToken {
  value: string;
  expiresAt: number;
}

/** A token endpoint that gives no `expires_in` (it is only recommended, RFC 6749 §5.1): taken as an hour. */
const DEFAULT_LIFETIME_SECONDS = 3600;
/** A token response is a few kilobytes; anything past this is not one. */
const MAX_RESPONSE_BYTES = 64 * 1024;
/** How much of the endpoint's `error_description` an error quotes. */
const MAX_DESCRIPTION_LENGTH = 200;

/**
 * Asks the token endpoint for an access token: the client-credentials grant (RFC 6749 §4.4), or
 * the refresh-token grant when `auth.refreshToken` is set. Certificates are verified (Node's CAs
 * plus NODE_EXTRA_CA_CERTS); redirects are not followed.
 * @throws OAuth2TokenError saying whether the endpoint was unreachable or refused, and why
 */
export async function requestAccessToken(auth: SmtpOAuth2Auth, timeoutMs: number): Promise<AccessToken> {
  const endpoint = `OAuth2 token endpoint ${describeTokenUrl(auth.tokenUrl)}`;
  const form = new URLSearchParams({
    client_id: auth.clientId,
    client_secret: auth.clientSecret,
    ...(auth.refreshToken === undefined
      ? { grant_type: 'client_credentials' }
      : { grant_type: 'refresh_token', refresh_token: auth.refreshToken }),
    ...(auth.scope === undefined ? {} : { scope: auth.scope }),
  });

  let reply: { status: number; body: string };
  const requestedAt = Date.now();
  try {
    reply = await post(new URL(auth.tokenUrl), form.toString(), timeoutMs);
  } catch (error) {
    throw new OAuth2TokenError(`${endpoint} is unreachable: ${(error as Error).message}`, { cause: error });
  }
  const answer = parseJson(reply.body);
  if (reply.status !== 200) {
    throw new OAuth2TokenError(`${endpoint} refused: ${reply.status} ${refusalReason(answer, auth)}`.trimEnd());
  }
  const { access_token: value, expires_in: lifetime } = answer ?? {};
  if (typeof value !== 'string' || value === '') {
    throw new OAuth2TokenError(`${endpoint} answered ${reply.status} without an access_token`);
  }
  const seconds = Number(lifetime ?? DEFAULT_LIFETIME_SECONDS);
  return { value, expiresAt: requestedAt + (Number.isFinite(seconds) ? seconds : DEFAULT_LIFETIME_SECONDS) * 1000 };
}

/** `invalid_client: AADSTS7000215: Invalid client secret provided…`, shortened, the secret never in it. */
function refusalReason(answer: Record<string, unknown> | undefined, auth: SmtpOAuth2Auth): string {
  const error = typeof answer?.error === 'string' ? answer.error : '';
  const description = typeof answer?.error_description === 'string' ? answer.error_description : '';
  const reason = description === '' ? error : `${error}: ${description.split(/\r?\n/)[0]}`;
  const secrets = [auth.clientSecret, auth.refreshToken].filter((secret): secret is string => !!secret);
  const shown = secrets.reduce((text, secret) => text.split(secret).join('[redacted]'), reason);
  return shown.length > MAX_DESCRIPTION_LENGTH ? `${shown.slice(0, MAX_DESCRIPTION_LENGTH)}…` : shown;
}

function parseJson(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function post(url: URL, body: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'content-length': Buffer.byteLength(body),
      },
      timeout: timeoutMs,
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.on('response', (response) => void readBody(response).then(resolve, reject));
    request.end(body);
  });
}

async function readBody(response: IncomingMessage): Promise<{ status: number; body: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_RESPONSE_BYTES) throw new Error(`answer larger than ${MAX_RESPONSE_BYTES} bytes`);
    chunks.push(chunk);
  }
  return { status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') };
}
