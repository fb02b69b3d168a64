import { recipientsOf, screenRecipients, type Suppression } from './recipient-screening';
import { suppressionKeyOf } from './suppression-key';

const ghost: Suppression = {
  mailbox: 'ghost@solidlab.test',
  reason: '550 5.1.1 user unknown',
  suppressedAt: new Date('2026-12-02T10:00:00Z'),
};
const suppressions = new Map([[ghost.mailbox, ghost]]);

describe('suppressionKeyOf', () => {
  it.each([
    ['ghost@solidlab.test', 'ghost@solidlab.test'],
    ['Ghost@SolidLab.TEST', 'ghost@solidlab.test'],
    ['ghost+news@solidlab.test', 'ghost+news@solidlab.test'],
  ])('keys %s as %s', (address, key) => {
    expect(suppressionKeyOf(address)).toBe(key);
  });
});

describe('screenRecipients', () => {
  it('holds back a suppressed recipient in any letter case and keeps the others in order', () => {
    expect(screenRecipients(['anna@solidlab.test', 'GHOST@solidlab.test', 'ivan@solidlab.test'], suppressions)).toEqual(
      {
        kept: ['anna@solidlab.test', 'ivan@solidlab.test'],
        skipped: [{ recipient: 'GHOST@solidlab.test', suppression: ghost }],
      },
    );
  });

  it('keeps a sub-address of a suppressed mailbox: only the refused address is suppressed', () => {
    expect(screenRecipients(['ghost+news@solidlab.test'], suppressions)).toEqual({
      kept: ['ghost+news@solidlab.test'],
      skipped: [],
    });
  });

  it('keeps nothing when every recipient is suppressed', () => {
    expect(screenRecipients(['ghost@solidlab.test'], suppressions).kept).toEqual([]);
  });
});

describe('recipientsOf', () => {
  it.each([
    ['ivan@solidlab.test', ['ivan@solidlab.test']],
    [
      ['ivan@solidlab.test', 'anna@solidlab.test'],
      ['ivan@solidlab.test', 'anna@solidlab.test'],
    ],
  ])('lists %j', (to, expected) => {
    expect(recipientsOf({ to })).toEqual(expected);
  });
});
