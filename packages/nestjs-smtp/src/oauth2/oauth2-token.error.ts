/**
 * The token endpoint could not give an access token: unreachable, or it refused. The message says
 * which and quotes the endpoint's answer, never the client secret nor a token. Sends that fail
 * because of it are transient (`SmtpSendError.permanent` false): the endpoint may be back soon.
 */
export class OAuth2TokenError extends Error {
  override name = 'OAuth2TokenError';
}
