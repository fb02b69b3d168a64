import {
  DEFAULT_SMTP_SEND_CHANNEL,
  type SmtpAttempt,
  type SmtpModuleExtras,
  type SmtpSendError,
  type SmtpSendEvent,
} from '@solidpoint/nestjs-smtp';
import * as smtpPackage from '@solidpoint/nestjs-smtp';
import { spawnSync } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { embedSmtpModule } from './support/embedded-smtp-module';
import { SmtpTestServer } from './support/smtp-test-server';

const PASSWORD = 'relay-secret-P4ssw0rd!';
const HTML = { to: 'ivan@solidlab.test', subject: 'Password changed', text: 'Plain', html: '<p>Rich</p>' };

/** The package as a second service sees it: an SMTP server, SmtpModule with `extras`, sends observed on their channel. */
async function serviceWith(extras: SmtpModuleExtras, server: SmtpTestServer) {
  const embedded = await embedSmtpModule(
    { enabled: true, host: '127.0.0.1', port: server.port, security: 'none', from: 'billing@solidlab.test' },
    extras,
  );
  const events: SmtpSendEvent[] = [];
  const onSend = (event: unknown) => events.push(event as SmtpSendEvent);
  subscribe(extras.sendChannel ?? DEFAULT_SMTP_SEND_CHANNEL, onSend);
  return {
    ...embedded,
    events,
    close: async () => {
      unsubscribe(extras.sendChannel ?? DEFAULT_SMTP_SEND_CHANNEL, onSend);
      await embedded.close();
    },
  };
}

describe('SmtpModule without extras', () => {
  let server: SmtpTestServer;
  let service: Awaited<ReturnType<typeof serviceWith>>;

  beforeAll(async () => {
    server = await SmtpTestServer.start();
    service = await serviceWith({}, server);
  });

  afterAll(async () => {
    await service.close();
    await server.close();
  });

  it('logs under the operator doc\'s name, "server.api.smtpClient"', async () => {
    await service.smtp.send(HTML);
    expect(service.logs.of('server.api.smtpClient').map((line) => line.msg)).toContain('New email');
  });

  it('publishes each send on "nestjs-smtp:send"', async () => {
    await service.smtp.send(HTML);
    expect(service.events.at(-1)).toEqual({ durationSeconds: expect.any(Number), error: undefined });
    expect(DEFAULT_SMTP_SEND_CHANNEL).toBe('nestjs-smtp:send');
  });

  it('begins its multipart boundaries with "_NestSmtp_"', async () => {
    await service.smtp.send(HTML);
    expect(server.received.at(-1)?.raw.toString()).toMatch(/boundary="_NestSmtp_[0-9a-f]{24}"/);
  });
});

describe('SmtpModule named by its extras', () => {
  let server: SmtpTestServer;
  let service: Awaited<ReturnType<typeof serviceWith>>;

  beforeAll(async () => {
    server = await SmtpTestServer.start();
    service = await serviceWith(
      { loggerName: 'billing.mailer', sendChannel: 'billing.mail.send', mimeBoundaryPrefix: '_Billing_' },
      server,
    );
    await service.smtp.send(HTML);
  });

  afterAll(async () => {
    await service.close();
    await server.close();
  });

  it('logs under loggerName and nothing under the default', () => {
    expect(service.logs.of('billing.mailer').map((line) => line.msg)).toContain('New email');
    expect(service.logs.of(smtpPackage.SMTP_LOGGER_NAME)).toEqual([]);
  });

  it('publishes on sendChannel', () => {
    expect(service.events).toHaveLength(1);
  });

  it('begins its multipart boundaries with mimeBoundaryPrefix', () => {
    expect(server.received.at(-1)?.raw.toString()).toMatch(/boundary="_Billing_[0-9a-f]{24}"/);
  });
});

describe('SmtpClient.description', () => {
  let server: SmtpTestServer;

  beforeAll(async () => {
    server = await SmtpTestServer.start({ auth: { user: 'billing@solidlab.test', pass: PASSWORD } });
  });

  afterAll(() => server.close());

  it('describes the server and the pool, without the credentials', async () => {
    const { smtp, close } = await embedSmtpModule({
      enabled: true,
      host: '127.0.0.1',
      port: server.port,
      security: 'none',
      auth: { user: 'billing@solidlab.test', pass: PASSWORD },
      from: 'Billing <billing@solidlab.test>',
      rateLimit: 20,
    });
    await close();
    expect(smtp.description).toEqual({
      enabled: true,
      host: '127.0.0.1',
      port: server.port,
      security: 'none',
      from: 'Billing <billing@solidlab.test>',
      poolSize: 5,
      rateLimit: 20,
    });
    expect(JSON.stringify(smtp.description)).not.toContain(PASSWORD);
    expect(Object.isFrozen(smtp.description)).toBe(true);
  });

  it('says only that SMTP is off when it is', async () => {
    const { smtp, close } = await embedSmtpModule({ enabled: false });
    await close();
    expect(smtp.description).toEqual({ enabled: false });
  });
});

describe('the package entry point', () => {
  it('exports no token that would hand out the options and their password', () => {
    expect(Object.keys(smtpPackage)).not.toContain('SMTP_MODULE_OPTIONS');
    expect(Object.keys(smtpPackage).filter((name) => /OPTIONS|NAMING/.test(name))).toEqual([]);
  });

  it.each([
    ['@solidpoint/nestjs-smtp', 'resolves'],
    ['@solidpoint/nestjs-smtp/testing', 'resolves'],
    ['@solidpoint/nestjs-smtp/dist/cjs/smtp.module-definition.js', 'ERR_PACKAGE_PATH_NOT_EXPORTED'],
    ['@solidpoint/nestjs-smtp/dist/esm/nodemailer-smtp.client.js', 'ERR_PACKAGE_PATH_NOT_EXPORTED'],
  ])('lets Node resolve %s: %s', (specifier, outcome) => {
    // Node itself, as an installing service runs it (jest's resolver words its refusals differently).
    const resolved = spawnSync(process.execPath, ['-e', `require.resolve(${JSON.stringify(specifier)})`], {
      encoding: 'utf8',
    });
    expect(resolved.status === 0 ? 'resolves' : resolved.stderr).toContain(outcome);
  });
});

describe('SmtpClient.send with an SmtpAttempt', () => {
  let server: SmtpTestServer;
  let service: Awaited<ReturnType<typeof embedSmtpModule>>;

  beforeAll(async () => {
    server = await SmtpTestServer.start({
      unknownRecipients: ['ghost@solidlab.test'],
      dataReplies: ['451 4.3.0 Temporary failure', '451 4.3.0 Temporary failure'],
    });
    service = await embedSmtpModule({
      enabled: true,
      host: '127.0.0.1',
      port: server.port,
      security: 'none',
      from: 'billing@solidlab.test',
    });
  });

  afterAll(async () => {
    await service.close();
    await server.close();
  });

  async function failedWith(to: string, attempt: SmtpAttempt): Promise<SmtpSendError> {
    return service.smtp.send({ to, subject: 'Invoice', text: 'x' }, { attempt }).then(
      () => Promise.reject(new Error('the send was expected to fail')),
      (error: SmtpSendError) => error,
    );
  }

  function lastFailureLine() {
    return service.logs
      .of(smtpPackage.SMTP_LOGGER_NAME)
      .filter((line) => line.msg === 'Failed to send email')
      .at(-1);
  }

  it('logs the attempt and the next one the error gives for a transient failure (451)', async () => {
    const attempt = { attempt: 1, maxAttempts: 3, retryDelayMs: 60_000 };
    const error = await failedWith('ivan@solidlab.test', attempt);
    const next = error.nextAttemptAt(attempt);
    expect(next?.getTime()).toBe(error.failedAt.getTime() + 60_000);
    expect(lastFailureLine()).toMatchObject({
      error: expect.stringMatching(/^451 /),
      attempt: 1,
      maxAttempts: 3,
      nextAttemptAt: next?.toISOString(),
    });
  });

  it('logs gaveUp after a transient failure of the last attempt', async () => {
    const error = await failedWith('ivan@solidlab.test', { attempt: 3, maxAttempts: 3, retryDelayMs: 60_000 });
    expect(error.permanent).toBe(false);
    expect(lastFailureLine()).toMatchObject({ attempt: 3, maxAttempts: 3, gaveUp: true });
    expect(lastFailureLine()).not.toHaveProperty('nextAttemptAt');
  });

  it('logs gaveUp after a permanent failure (550), whatever attempts remain', async () => {
    const error = await failedWith('ghost@solidlab.test', { attempt: 1, maxAttempts: 3, retryDelayMs: 60_000 });
    expect(error.nextAttemptAt({ attempt: 1, maxAttempts: 3, retryDelayMs: 60_000 })).toBeUndefined();
    expect(lastFailureLine()).toMatchObject({ error: expect.stringMatching(/^550 /), attempt: 1, gaveUp: true });
  });
});
