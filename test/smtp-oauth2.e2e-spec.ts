import { SMTP_LOGGER_NAME, type SmtpEnabledOptions, SmtpSendError } from '@solidpoint/nestjs-smtp';
import { AppProcess } from './support/app-process';
import { embedSmtpModule as embed } from './support/embedded-smtp-module';
import { freePort } from './support/free-port';
import { register } from './support/registration';
import { SmtpTestServer, type XOAuth2Account } from './support/smtp-test-server';
import { generateTestCertificates, type TestCertificates } from './support/test-certificates';
import { TokenEndpoint } from './support/token-endpoint';

const MAILBOX = 'noreply@contoso.test';
const CLIENT = { id: 'solidpoint-mailer', secret: 'cl1ent~Secret.Value' };
const SCOPE = 'https://outlook.office365.com/.default';
const MESSAGE = { to: 'ivan@solidlab.test', subject: 'Hello', text: 'Hi' };

let certificates: TestCertificates;
let endpoint: TokenEndpoint;
let server: SmtpTestServer;
let account: XOAuth2Account;

beforeAll(async () => {
  certificates = await generateTestCertificates();
});

/**
 * The token endpoint and an SMTP server offering XOAUTH2 for MAILBOX, accepting the tokens the test
 * puts in `account.tokens`: with STARTTLS for the built app (which trusts the test CA through
 * NODE_EXTRA_CA_CERTS), plain for the module embedded in this process (which cannot).
 */
async function startServers(tls: boolean): Promise<void> {
  endpoint = await TokenEndpoint.start(CLIENT);
  account = { user: MAILBOX, tokens: new Set(), refusal: 'challenge' };
  server = await SmtpTestServer.start({ ...(tls ? { certificates } : {}), xoauth2: account });
}

function options(tokenUrl = endpoint.url): SmtpEnabledOptions {
  return {
    enabled: true,
    host: '127.0.0.1',
    port: server.port,
    security: 'none',
    auth: { type: 'oauth2', user: MAILBOX, tokenUrl, clientId: CLIENT.id, clientSecret: CLIENT.secret, scope: SCOPE },
    from: MAILBOX,
  };
}

/** No log line carries the client secret nor any token issued. */
function expectNoSecrets(text: string): void {
  expect(text).not.toContain(CLIENT.secret);
  for (const token of endpoint.issued) expect(text).not.toMatch(new RegExp(`\\b${token}\\b`));
}

describe('SmtpModule with OAuth2 (XOAUTH2, client credentials)', () => {
  let embedded: Awaited<ReturnType<typeof embed>> | undefined;

  beforeEach(async () => {
    await startServers(false);
  });

  afterEach(async () => {
    if (embedded) expectNoSecrets(embedded.logs.text.join('\n'));
    await embedded?.close();
    embedded = undefined;
    await server.close();
    await endpoint.close();
  });

  /** Embeds the module and waits for its connection check at startup, which authenticates too. */
  async function embedModule(smtpOptions: SmtpEnabledOptions) {
    embedded = await embed(smtpOptions);
    await embedded.logs.waitFor(SMTP_LOGGER_NAME, (line) => line.msg.startsWith('SMTP connection check'));
    return embedded;
  }

  it('sends with a token from the endpoint, fetched once for concurrent sends on five connections', async () => {
    account.tokens.add('token-1');
    // Not waiting for the connection check: it asks for the token at the same time as the sends.
    embedded = await embed({ ...options(), poolSize: 5 });
    const { smtp, logs } = embedded;
    const results = await Promise.all(Array.from({ length: 5 }, () => smtp.send(MESSAGE)));
    expect(results.every((result) => result.sent)).toBe(true);
    expect(endpoint.requests).toEqual([
      { client_id: CLIENT.id, client_secret: CLIENT.secret, grant_type: 'client_credentials', scope: SCOPE },
    ]);
    expect(server.received.map((mail) => mail.user)).toEqual(Array(5).fill(MAILBOX));
    expect(server.xoauth2Tokens.every((token) => token === 'token-1')).toBe(true);
    expect(logs.of(SMTP_LOGGER_NAME).find((line) => line.msg === 'OAuth2 access token obtained')).toMatchObject({
      level: 30, // info
      tokenEndpoint: endpoint.url,
      expiresAt: expect.stringMatching(/^\d{4}-/),
    });
  });

  it('fetches a new token once the cached one is about to expire', async () => {
    endpoint.mode = { expiresIn: 30 }; // under the minute of margin: stale as soon as it is fetched
    account.tokens.add('token-1').add('token-2');
    const { smtp } = await embedModule(options());
    await smtp.verify();
    expect(endpoint.issued).toEqual(['token-1', 'token-2']);
    expect(server.xoauth2Tokens).toEqual(['token-1', 'token-2']);
  });

  it('keeps a token that is not about to expire for the next connection', async () => {
    account.tokens.add('token-1');
    const { smtp } = await embedModule(options());
    await smtp.verify();
    expect(endpoint.issued).toEqual(['token-1']);
    expect(server.xoauth2Tokens).toEqual(['token-1', 'token-1']);
  });

  it.each(['challenge', 'reply'] as const)(
    'fetches one new token when the server refuses the cached one (%s), and sends',
    async (refusal) => {
      account.refusal = refusal;
      account.tokens.add('token-1');
      const { smtp, logs } = await embedModule(options());
      account.tokens.clear(); // token-1 revoked
      account.tokens.add('token-2');
      await expect(smtp.send(MESSAGE)).resolves.toMatchObject({ sent: true });
      expect(server.xoauth2Tokens).toEqual(['token-1', 'token-1', 'token-2']);
      expect(endpoint.issued).toEqual(['token-1', 'token-2']);
      expect(logs.of(SMTP_LOGGER_NAME).filter((line) => line.msg === 'Failed to send email')).toEqual([]);
    },
  );

  it('fails with the 535 when the server refuses a fresh token too, fetching only once more', async () => {
    const { smtp } = await embedModule(options());
    const fetchedAtStartup = endpoint.issued.length;
    await expect(smtp.send(MESSAGE)).rejects.toMatchObject({
      message: '535 Error: Username and Password not accepted',
      responseCode: 535,
    });
    expect(endpoint.issued).toHaveLength(fetchedAtStartup + 1);
    expect(server.received).toHaveLength(0);
  });

  it('says the token endpoint refused, with its error and without the secret, as a transient failure', async () => {
    endpoint.mode = {
      refuse: { status: 401, error: 'invalid_client', description: `AADSTS7000215: Invalid client secret provided.` },
    };
    const { smtp, logs } = await embedModule(options());
    const failure = (await smtp.send(MESSAGE).catch((error: unknown) => error)) as SmtpSendError;
    const expected = `OAuth2 token endpoint ${endpoint.url} refused: 401 invalid_client: AADSTS7000215: Invalid client secret provided.`;
    expect(failure).toBeInstanceOf(SmtpSendError);
    expect(failure).toMatchObject({ message: expected, permanent: false });
    expect(logs.of(SMTP_LOGGER_NAME).find((line) => line.msg === 'Failed to send email')).toMatchObject({
      level: 50, // error
      error: expected,
    });
    expect(server.received).toHaveLength(0);
  });

  it('says the token endpoint is unreachable when nothing listens there, as a transient failure', async () => {
    const closedPort = await freePort();
    const { smtp } = await embedModule(options(`http://127.0.0.1:${closedPort}/token`));
    await expect(smtp.send(MESSAGE)).rejects.toMatchObject({
      message: `OAuth2 token endpoint http://127.0.0.1:${closedPort}/token is unreachable: connect ECONNREFUSED 127.0.0.1:${closedPort}`,
      permanent: false,
    });
  });

  it("verifies the token endpoint's certificate: one from an untrusted CA is refused before the secret is sent", async () => {
    const https = await TokenEndpoint.start(CLIENT, certificates); // this process does not trust the test CA
    try {
      const { smtp } = await embedModule(options(https.url));
      const failure = (await smtp.send(MESSAGE).catch((error: unknown) => error)) as SmtpSendError;
      expect(failure.message).toMatch(
        new RegExp(`^OAuth2 token endpoint ${https.url} is unreachable: .*(certificate|self-signed)`),
      );
      expect(https.requests).toEqual([]);
    } finally {
      await https.close();
    }
  });

  it('refuses an http:// token URL to another host at startup', async () => {
    await expect(embed(options('http://login.example.invalid/token'))).rejects.toThrow(
      'SmtpModule option "auth.tokenUrl" must be an https:// URL (http:// only for localhost or a loopback address)',
    );
  });
});

describe('The built app with SMTP_AUTH=oauth2', () => {
  let app: AppProcess | undefined;

  beforeEach(async () => {
    await startServers(true);
  });

  afterEach(async () => {
    await app?.stop();
    app = undefined;
    await server.close();
    await endpoint.close();
  });

  function appEnv(): Record<string, string> {
    return {
      SMTP_ADDRESS: `localhost:${server.port}`,
      SMTP_AUTH: 'oauth2',
      SMTP_USERNAME: MAILBOX,
      SMTP_OAUTH_TOKEN_URL: endpoint.url,
      SMTP_OAUTH_CLIENT_ID: CLIENT.id,
      SMTP_OAUTH_CLIENT_SECRET: CLIENT.secret,
      SMTP_OAUTH_SCOPE: SCOPE,
      LOG_LEVEL: 'debug',
      NODE_EXTRA_CA_CERTS: certificates.caFile,
    };
  }

  it('delivers the registration email over XOAUTH2, never logging the secret or the token', async () => {
    account.tokens.add('token-1');
    app = await AppProcess.start(appEnv());
    await app.waitFor((line) => line.msg === 'SMTP connection check passed');
    await register(app.url, 'petrov.petr@solidlab.test').expect(201);
    const [mail] = await server.waitForMessages(1, 20_000);
    expect(mail).toMatchObject({ user: MAILBOX, secure: true, to: ['petrov.petr@solidlab.test'] });
    expect(endpoint.issued).toEqual(['token-1']);
    expect(app.logsOf(SMTP_LOGGER_NAME)[0]).toMatchObject({ msg: 'SMTP client enabled', auth: 'oauth2' });
    expectNoSecrets(app.stdout + app.stderr);
  });

  it('logs the endpoint refusing and retries the email later', async () => {
    endpoint.mode = { refuse: { status: 401, error: 'invalid_client' } };
    app = await AppProcess.start(appEnv());
    await register(app.url, 'petrov.petr@solidlab.test').expect(201);
    const failure = await app.waitFor((line) => line.msg === 'Failed to send email', 20_000);
    expect(failure).toMatchObject({
      level: 'error',
      error: `OAuth2 token endpoint ${endpoint.url} refused: 401 invalid_client`,
      attempt: 1,
      nextAttemptAt: expect.any(String),
    });
    expectNoSecrets(app.stdout + app.stderr);
  });

  it('refuses to start with an http:// token URL to another host, naming the variable', async () => {
    const env = { ...appEnv(), SMTP_OAUTH_TOKEN_URL: 'http://login.example.invalid/token' };
    const exited = await AppProcess.runToExit(env);
    expect(exited.status).toEqual({ code: 1, signal: null });
    expect(exited.stderr.trimEnd().split('\n')).toEqual([
      'Invalid configuration: SMTP_OAUTH_TOKEN_URL must be an https:// URL (http:// only for localhost or a loopback address)',
    ]);
    expect(exited.stderr).not.toContain(CLIENT.secret);
  });
});
