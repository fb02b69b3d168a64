import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestCertificates } from './test-certificates';

/** What the endpoint answers next: tokens that live `expiresIn` seconds, or a refusal. */
export type TokenEndpointMode =
  { expiresIn: number } | { refuse: { status: number; error: string; description?: string } };

/**
 * A local OAuth2 token endpoint on 127.0.0.1 (plain HTTP, which the client allows for loopback, or
 * HTTPS with `certificates`): checks the client credentials of each request and issues `token-1`,
 * `token-2`, … as it goes.
 */
export class TokenEndpoint {
  /** Every request's form fields, in order. */
  readonly requests: Record<string, string>[] = [];
  /** Every token issued, in order. */
  readonly issued: string[] = [];
  mode: TokenEndpointMode = { expiresIn: 3600 };

  private constructor(
    private readonly server: Server,
    private readonly client: { id: string; secret: string },
    private readonly scheme: 'http' | 'https',
  ) {}

  static async start(client: { id: string; secret: string }, certificates?: TestCertificates): Promise<TokenEndpoint> {
    const server = certificates
      ? createHttpsServer({ key: certificates.serverKey, cert: certificates.serverCert })
      : createServer();
    const endpoint = new TokenEndpoint(server, client, certificates ? 'https' : 'http');
    server.on(
      'request',
      (request: IncomingMessage, response: ServerResponse) => void endpoint.answer(request, response),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return endpoint;
  }

  /** The URL for SMTP_OAUTH_TOKEN_URL. */
  get url(): string {
    return `${this.scheme}://127.0.0.1:${(this.server.address() as AddressInfo).port}/tenant-1/oauth2/v2.0/token`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    const form = Object.fromEntries(new URLSearchParams(body));
    this.requests.push(form);
    const reply = (status: number, json: object) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    if ('refuse' in this.mode) {
      const { status, error, description } = this.mode.refuse;
      return void reply(status, { error, ...(description ? { error_description: description } : {}) });
    }
    if (form.client_id !== this.client.id || form.client_secret !== this.client.secret) {
      return void reply(401, { error: 'invalid_client', error_description: 'Invalid client secret provided.' });
    }
    this.issued.push(`token-${this.issued.length + 1}`);
    reply(200, { token_type: 'Bearer', access_token: this.issued.at(-1), expires_in: this.mode.expiresIn });
  }
}
