import type { XOAuth2ProvisionCallback } from 'nodemailer/lib/xoauth2/index.js';
import type { AccessToken } from './token-endpoint.js';

/** A token is renewed this long before the endpoint said it expires, so none expires between fetch and AUTH. */
export const RENEW_BEFORE_EXPIRY_MS = 60_000;

/**
 * The access token shared by every connection of the pool: fetched once, by whichever connection
 * needs it first, while the others wait for the same answer; kept until shortly before it expires.
 */
export class OAuth2TokenSource {
  private current?: AccessToken;
  private pending?: Promise<AccessToken>;
  /** Fetches started so far: tells whether a fresh token was already tried during a send. */
  private fetches = 0;

  /**
   * @param fetchToken asks the token endpoint (see `requestAccessToken`)
   * @param now the clock, in epoch milliseconds
   */
  constructor(
    private readonly fetchToken: () => Promise<AccessToken>,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The cached token while it is fresh; otherwise a new one, one fetch for all who ask meanwhile.
   * @param renew the server refused the cached token: fetch another
   */
  token(renew = false): Promise<AccessToken> {
    if (renew) this.current = undefined;
    if (this.current && this.current.expiresAt - RENEW_BEFORE_EXPIRY_MS > this.now())
      return Promise.resolve(this.current);
    if (!this.pending) {
      this.fetches += 1;
      const forget = () => (this.pending = undefined);
      this.pending = this.fetchToken().then((token) => (this.current = token));
      this.pending.then(forget, forget);
    }
    return this.pending;
  }

  /**
   * nodemailer's `provisionCallback`: each pooled connection asks here when it authenticates, and
   * again with `renew` when the server answered its XOAUTH2 with a 334 challenge (RFC 7628).
   */
  readonly provision: XOAuth2ProvisionCallback = (_user, renew, callback) => {
    this.token(renew).then(
      (token) => callback(null, token.value, token.expiresAt),
      (error: Error) => callback(error),
    );
  };

  /**
   * Runs `work` (a send, a connection check); if the server refused a token that was cached
   * from before it began, with a plain 535 (Microsoft 365 answers so, where nodemailer renews only
   * after a 334 challenge), drops that token and runs `work` once more with a fresh one.
   */
  async renewingRefused<T>(work: () => Promise<T>): Promise<T> {
    const fetchesBefore = this.fetches;
    try {
      return await work();
    } catch (error) {
      if (!isRefusedToken(error) || this.fetches !== fetchesBefore) throw error;
      this.current = undefined;
      return work();
    }
  }
}

/** nodemailer's error when the server refused AUTH XOAUTH2 (as opposed to the token endpoint failing). */
function isRefusedToken(error: unknown): boolean {
  const { command, responseCode } = error as { command?: unknown; responseCode?: unknown };
  return command === 'AUTH XOAUTH2' && typeof responseCode === 'number';
}
