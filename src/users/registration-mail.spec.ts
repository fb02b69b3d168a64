import { registrationMail } from './registration-mail';

describe('registrationMail', () => {
  it("is the operator doc's email, addressed to the user by first name", () => {
    expect(registrationMail({ email: 'ivanov.ivan@solidlab.ru', firstName: 'Ivan' })).toEqual({
      to: 'ivanov.ivan@solidlab.ru',
      subject: 'Registration for SolidPoint',
      text:
        'Ivan, welcome to SolidPoint\n\n' +
        'Please wait until your organization’s administrator activates your account.\n\n' +
        'You are receiving this email because your email address was used to register for the SolidPoint dashboard. If this was not you, please ignore this message.\n',
    });
  });
});
