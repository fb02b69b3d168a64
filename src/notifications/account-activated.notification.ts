import { defineNotification } from './define-notification';
import { textAndHtml } from './letter';
import { type AddressedUser, russianGreeting, SAMPLE_USER, WHY_YOU_RECEIVE_THIS } from './user-letter';

/** Sent to a user whose pending account an administrator activated (`npm run users -- activate`). */
export const accountActivatedNotification = defineNotification<AddressedUser>(
  'account-activated',
  SAMPLE_USER,
  textAndHtml,
  {
    en: ({ firstName }) => ({
      subject: 'Your SolidPoint account is active',
      paragraphs: [
        `${firstName}, your SolidPoint account is active`,
        'Your organization\u2019s administrator has activated your account. You can now sign in to the SolidPoint dashboard with the email address and password you registered with.',
        WHY_YOU_RECEIVE_THIS.en,
      ],
    }),
    ru: ({ firstName }) => ({
      subject: 'Ваша учётная запись в SolidPoint активирована',
      paragraphs: [
        russianGreeting(firstName),
        'Администратор Вашей организации активировал Вашу учётную запись. Теперь Вы можете войти в панель управления SolidPoint, используя адрес электронной почты и пароль, указанные при регистрации.',
        WHY_YOU_RECEIVE_THIS.ru,
      ],
    }),
  },
);
