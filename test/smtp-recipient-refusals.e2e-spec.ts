import { SmtpSendError } from '@solidpoint/nestjs-smtp';
import { embedRelayingSmtpModule } from './support/embedded-smtp-module';
import { SmtpTestServer } from './support/smtp-test-server';

describe('SmtpClient reporting the recipients a server refused at RCPT TO', () => {
  let server: SmtpTestServer;
  let embedded: Awaited<ReturnType<typeof embedRelayingSmtpModule>>;

  beforeAll(async () => {
    server = await SmtpTestServer.start({
      recipientReplies: {
        'ghost@solidlab.test': '550 5.1.1 user unknown',
        'busy@solidlab.test': '450 4.2.1 Mailbox busy, try again later',
      },
    });
    embedded = await embedRelayingSmtpModule(server, 'SolidPoint <noreply@solidpoint.test>');
  });

  afterAll(async () => {
    await embedded.close();
    await server.close();
  });

  const send = (to: string | string[]) => embedded.smtp.send({ to, subject: 'Hi', text: 'x' });

  it('rejects with the refusal of the only recipient, permanent for a 550 5.1.1', async () => {
    const failure = (await send('ghost@solidlab.test').catch((error: unknown) => error)) as SmtpSendError;
    expect(failure).toBeInstanceOf(SmtpSendError);
    expect(failure).toMatchObject({ message: '550 5.1.1 user unknown', permanent: true });
    expect(failure.refusals).toEqual([
      {
        recipient: 'ghost@solidlab.test',
        response: '550 5.1.1 user unknown',
        responseCode: 550,
        enhancedStatus: '5.1.1',
        permanent: true,
      },
    ]);
  });

  it('rejects with a temporary refusal for a 450, and a transient error', async () => {
    const failure = (await send('busy@solidlab.test').catch((error: unknown) => error)) as SmtpSendError;
    expect(failure).toMatchObject({ responseCode: 450, permanent: false });
    expect(failure.refusals).toEqual([
      expect.objectContaining({ recipient: 'busy@solidlab.test', responseCode: 450, permanent: false }),
    ]);
  });

  it('resolves with each refused recipient and its reply when the server accepts the others', async () => {
    const result = await send(['a@solidlab.test', 'ghost@solidlab.test', 'busy@solidlab.test']);
    expect(result).toMatchObject({ sent: true, accepted: ['a@solidlab.test'] });
    expect(result.refusals).toEqual([
      expect.objectContaining({
        recipient: 'ghost@solidlab.test',
        response: '550 5.1.1 user unknown',
        permanent: true,
      }),
      expect.objectContaining({ recipient: 'busy@solidlab.test', enhancedStatus: '4.2.1', permanent: false }),
    ]);
    expect(server.received.at(-1)?.to).toEqual(['a@solidlab.test']);
  });

  it('leaves refusals out of a send that every recipient accepted', async () => {
    const result = await send('a@solidlab.test');
    expect(result).not.toHaveProperty('refusals');
  });
});
