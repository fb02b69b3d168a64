import { mailboxOf } from './mailbox';

describe('mailboxOf', () => {
  it.each([
    ['ivanov.ivan@solidlab.ru', 'ivanov.ivan@solidlab.ru'],
    ['Ivanov.Ivan@SolidLab.RU', 'ivanov.ivan@solidlab.ru'],
    ['ivan+promo@solidlab.ru', 'ivan@solidlab.ru'],
    ['IVAN+Promo+2@solidlab.ru', 'ivan@solidlab.ru'],
    ['+tag@solidlab.ru', '+tag@solidlab.ru'],
    ['i.van@gmail.com', 'i.van@gmail.com'],
  ])('reads %s as %s', (address, mailbox) => {
    expect(mailboxOf(address)).toBe(mailbox);
  });
});
