import { recipientRefusalsOf } from './recipient-refusals.js';

describe('recipientRefusalsOf', () => {
  it('reads each of nodemailer’s rejectedErrors', () => {
    const refused = Object.assign(new Error('Recipient command failed: 553 5.1.3 Bad address'), {
      code: 'EENVELOPE',
      command: 'RCPT TO',
      recipient: 'bad@solidlab.test',
      response: '553 5.1.3 Bad address',
      responseCode: 553,
    });
    expect(recipientRefusalsOf({ rejectedErrors: [refused] })).toEqual([
      {
        recipient: 'bad@solidlab.test',
        response: '553 5.1.3 Bad address',
        responseCode: 553,
        enhancedStatus: '5.1.3',
        permanent: true,
      },
    ]);
  });

  it.each([
    ['a send result without refusals', { accepted: ['a@solidlab.test'], rejected: [] }],
    ['an error that is not about recipients', new Error('connect ECONNREFUSED 127.0.0.1:25')],
    ['nothing', undefined],
    ['an entry without a reply', { rejectedErrors: [{ recipient: 'a@solidlab.test' }] }],
  ])('finds none in %s', (_case, source) => {
    expect(recipientRefusalsOf(source)).toEqual([]);
  });
});
