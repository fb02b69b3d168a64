import { registrationNotification } from './registration.notification';

describe('registrationNotification', () => {
  it("is the operator doc's email in English, plain text only, addressed to the user by first name", () => {
    expect(registrationNotification.render({ firstName: 'Ivan' }, 'en')).toEqual({
      subject: 'Registration for SolidPoint',
      text:
        'Ivan, welcome to SolidPoint\n\n' +
        'Please wait until your organization’s administrator activates your account.\n\n' +
        'You are receiving this email because your email address was used to register for the SolidPoint dashboard. If this was not you, please ignore this message.\n',
    });
  });

  it('is written in Russian for a Russian-speaking user, addressing them politely by first name', () => {
    expect(registrationNotification.render({ firstName: 'Иван' }, 'ru')).toEqual({
      subject: 'Регистрация в SolidPoint',
      text:
        'Здравствуйте, Иван!\n\n' +
        'Спасибо за регистрацию в SolidPoint. Войти в учётную запись можно будет после того, как её активирует администратор Вашей организации. Мы сообщим Вам об этом отдельным письмом.\n\n' +
        'Вы получили это письмо, потому что Ваш адрес электронной почты указали при регистрации в панели управления SolidPoint. Если это были не Вы, просто проигнорируйте это письмо.\n',
    });
  });
});
