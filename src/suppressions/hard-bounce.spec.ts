import type { SmtpRecipientRefusal } from '@solidpoint/nestjs-smtp';
import { isHardBounce, reasonOf } from './hard-bounce';

function refusal(response: string): SmtpRecipientRefusal {
  const responseCode = Number(response.slice(0, 3));
  const enhancedStatus = /^\d{3} ([245]\.\d+\.\d+)/.exec(response)?.[1];
  return { recipient: 'ghost@solidlab.test', response, responseCode, enhancedStatus, permanent: responseCode >= 500 };
}

describe('isHardBounce', () => {
  it.each([
    ['550 5.1.1 user unknown', true],
    ['550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup', true],
    ['553 5.1.3 Bad recipient address syntax', true],
    ['550 No such user here', true],
    ['552 5.2.2 Mailbox full', true],
    ['450 5.1.1 user unknown', true],
    ['550 5.7.1 Relaying denied', false],
    ['554 5.7.1 Service unavailable; client host blocked', false],
    ['450 4.2.1 Mailbox busy, try again later', false],
    ['451 4.7.1 Greylisted, try again later', false],
    ['421 Too many connections', false],
  ])('%s: %s', (response, expected) => {
    expect(isHardBounce(refusal(response))).toBe(expected);
  });
});

describe('reasonOf', () => {
  it('keeps the reply on one line', () => {
    expect(reasonOf(refusal('550-5.1.1 The email account does not exist.\n550 5.1.1 Please try again'))).toBe(
      '550-5.1.1 The email account does not exist. 550 5.1.1 Please try again',
    );
  });

  it('bounds a long reply to 300 characters', () => {
    expect(reasonOf(refusal(`550 5.1.1 ${'x'.repeat(1000)}`))).toHaveLength(300);
  });
});
