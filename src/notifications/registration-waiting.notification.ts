import { defineNotification } from './define-notification';
import { textAndHtml } from './letter';

/** Parameters of {@link registrationWaitingNotification}: who registered. Never the password. */
export interface RegistrationWaitingParams {
  firstName: string;
  lastName: string | null;
  email: string;
}

const fullName = ({ firstName, lastName }: RegistrationWaitingParams): string =>
  lastName === null ? firstName : `${firstName} ${lastName}`;

/**
 * Sent to each address of REGISTRATION_NOTIFY_TO when a user registers. The commands carry a
 * placeholder, not the address: text from a registration form must never become a command line
 * an administrator pastes into a shell.
 */
export const registrationWaitingNotification = defineNotification<RegistrationWaitingParams>(
  'registration-waiting',
  { firstName: 'Ivan', lastName: 'Ivanov', email: 'ivanov.ivan@solidlab.ru' },
  textAndHtml,
  {
    en: (user) => ({
      subject: 'New SolidPoint registration waiting for activation',
      paragraphs: [
        'A new user has registered for SolidPoint and is waiting for activation.',
        `Name: ${fullName(user)}\nEmail: ${user.email}`,
        'To activate or decline the account, run on the server: npm run users -- activate <email>, or npm run users -- reject <email>. The user receives an email either way.',
        'You are receiving this email because your address is in REGISTRATION_NOTIFY_TO of the SolidPoint backend.',
      ],
    }),
    ru: (user) => ({
      subject: 'Новая регистрация в SolidPoint ожидает активации',
      paragraphs: [
        'В SolidPoint зарегистрировался новый пользователь, его учётная запись ожидает активации.',
        `Имя: ${fullName(user)}\nЭлектронная почта: ${user.email}`,
        'Чтобы активировать или отклонить учётную запись, выполните на сервере команду npm run users -- activate <адрес> или npm run users -- reject <адрес>. Пользователь получит письмо в обоих случаях.',
        'Вы получили это письмо, потому что Ваш адрес указан в переменной REGISTRATION_NOTIFY_TO сервера SolidPoint.',
      ],
    }),
  },
);
