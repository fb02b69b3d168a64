import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { InMemorySmtpClient, SmtpTestingModule } from '@solidpoint/nestjs-smtp/testing';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { AppModule } from '../src/app.module.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1 that refuses ghost@accounts.example and records the rest. */
async function startSmtpServer(): Promise<{ port: number; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo: (address, _session, callback) =>
      callback(
        address.address === 'ghost@accounts.example'
          ? Object.assign(new Error('5.1.1 Mailbox does not exist'), { responseCode: 550 })
          : undefined,
      ),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('POST /password-notices through a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let app: INestApplication;

  before(async () => {
    smtp = await startSmtpServer();
    Object.assign(process.env, {
      SMTP_ADDRESS: `127.0.0.1:${smtp.port}`,
      SMTP_FROM: 'Accounts <accounts@accounts.example>',
      SMTP_TLS: 'none',
      LOG_LEVEL: 'silent',
    });
    app = await NestFactory.create(AppModule, { logger: false, abortOnError: false });
    await app.init();
  });

  after(async () => {
    await app.close();
    await smtp.close();
  });

  it('emails the notice and answers 202 with its Message-ID', async () => {
    const response = await request(app.getHttpServer())
      .post('/password-notices')
      .send({ email: 'ivan@accounts.example' })
      .expect(202);
    assert.match(response.body.messageId, /^<[0-9a-f-]{36}@accounts\.example>$/);
    assert.equal(smtp.received.length, 1);
    const [mail] = smtp.received;
    assert.equal(mail.from, 'accounts@accounts.example');
    assert.deepEqual(mail.to, ['ivan@accounts.example']);
    assert.match(mail.raw, /^From: Accounts <accounts@accounts\.example>\r\n/);
    assert.match(mail.raw, /\r\nSubject: Your password was changed\r\n/);
    assert.ok(mail.raw.includes(`Message-ID: ${response.body.messageId}\r\n`));
    assert.match(mail.raw, /If this was not you, reset your password now/);
  });

  it("answers 422 with the server's reply when it refuses the mailbox", async () => {
    const before = smtp.received.length;
    const response = await request(app.getHttpServer())
      .post('/password-notices')
      .send({ email: 'ghost@accounts.example' })
      .expect(422);
    assert.match(response.body.message, /^The notice cannot be delivered: 550 5\.1\.1 Mailbox does not exist/);
    assert.equal(smtp.received.length, before);
  });

  it('answers 400 for something that is not an email address, and sends nothing', async () => {
    const before = smtp.received.length;
    await request(app.getHttpServer()).post('/password-notices').send({ email: 'ivan' }).expect(400);
    assert.equal(smtp.received.length, before);
  });
});

describe('POST /password-notices with SmtpTestingModule', () => {
  it('captures the notice in memory, nothing on the network', async () => {
    // An address nothing listens on: only the in-memory client can make this pass.
    Object.assign(process.env, { SMTP_ADDRESS: '127.0.0.1:9', SMTP_FROM: 'accounts@accounts.example' });
    const client = new InMemorySmtpClient('accounts@accounts.example');
    const moduleRef = await SmtpTestingModule.override(
      Test.createTestingModule({ imports: [AppModule] }),
      client,
    ).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    try {
      await request(app.getHttpServer()).post('/password-notices').send({ email: 'anna@accounts.example' }).expect(202);
      const email = client.expectSent({ to: 'anna@accounts.example' });
      assert.equal(email.subject, 'Your password was changed');
    } finally {
      await app.close();
    }
  });
});
