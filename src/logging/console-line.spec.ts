import { formatConsoleLine } from './console-line';

describe('formatConsoleLine', () => {
  it('lays a line out as the operator doc does: time, LEVEL, logger, message, fields', () => {
    const line = JSON.stringify({
      level: 'debug',
      time: '2026-02-09T16:37:54.135+03:00',
      pid: 1,
      hostname: 'api-1',
      logger: 'server.api.smtpClient',
      From: 'smtp.solidlab.test@yandex.ru',
      To: ['ivanov.ivan@solidlab.ru'],
      Message: 'MIME-Version: 1.0\r\n',
      msg: 'New email',
    });
    expect(formatConsoleLine(line)).toBe(
      '2026-02-09T16:37:54.135+03:00\tDEBUG\tserver.api.smtpClient\tNew email\t' +
        '{"From": "smtp.solidlab.test@yandex.ru", "To": ["ivanov.ivan@solidlab.ru"], "Message": "MIME-Version: 1.0\\r\\n"}\n',
    );
  });

  it('leaves out the fields column when there are no fields, and marks a missing logger with -', () => {
    const line = JSON.stringify({ level: 'info', time: '2026-02-09T16:37:54.135+03:00', msg: 'started' });
    expect(formatConsoleLine(line)).toBe('2026-02-09T16:37:54.135+03:00\tINFO\t-\tstarted\n');
  });
});
