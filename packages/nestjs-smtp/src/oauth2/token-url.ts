import { isIP } from 'node:net';

/**
 * Why `value` cannot be an OAuth2 token URL, as the end of a sentence naming the setting, or
 * `undefined` when it can: HTTPS, or plain HTTP to this machine only (a local token broker, a
 * test), since the client secret travels in the request.
 */
export function tokenUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL; e.g. https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return undefined;
  return 'must be an https:// URL (http:// only for localhost or a loopback address)';
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/** The URL without query or credentials: what an error or a log line may show of it. */
export function describeTokenUrl(value: string): string {
  const url = new URL(value);
  return `${url.origin}${url.pathname}`;
}
