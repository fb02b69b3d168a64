import { defineNotification } from './define-notification';
import { textAndHtml } from './letter';
import { type AddressedUser, russianGreeting, SAMPLE_USER, WHY_YOU_RECEIVE_THIS } from './user-letter';

/** Sent to a user whose pending registration an administrator rejected (`npm run users -- reject`). */
export const registrationDeclinedNotification = defineNotification<AddressedUser>(
  'registration-declined',
  SAMPLE_USER,
  textAndHtml,
  {
    en: ({ firstName }) => ({
      subject: 'Your SolidPoint registration was declined',
      paragraphs: [
        `${firstName}, your registration for SolidPoint was declined`,
        'Your organization\u2019s administrator has declined the registration made with this email address, so no account was opened. If you think this is a mistake, please contact your administrator.',
        WHY_YOU_RECEIVE_THIS.en,
      ],
    }),
    ru: ({ firstName }) => ({
      subject: 'Заявка на регистрацию в SolidPoint отклонена',
      paragraphs: [
        russianGreeting(firstName),
        'Администратор Вашей организации отклонил заявку на регистрацию в SolidPoint, поданную с этого адреса электронной почты. Если Вы считаете, что произошла ошибка, пожалуйста, свяжитесь с администратором.',
        WHY_YOU_RECEIVE_THIS.ru,
      ],
    }),
  },
);
