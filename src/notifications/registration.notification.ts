import { defineNotification } from './define-notification';
import { plainText } from './letter';
import { type AddressedUser, russianGreeting, SAMPLE_USER, WHY_YOU_RECEIVE_THIS } from './user-letter';

/**
 * "Registration for SolidPoint", sent to a user who registered. The English one is word for word
 * the operator doc's (its typographic apostrophe included) and, as there, plain text only.
 */
export const registrationNotification = defineNotification<AddressedUser>('registration', SAMPLE_USER, plainText, {
  en: ({ firstName }) => ({
    subject: 'Registration for SolidPoint',
    paragraphs: [
      `${firstName}, welcome to SolidPoint`,
      'Please wait until your organization\u2019s administrator activates your account.',
      `${WHY_YOU_RECEIVE_THIS.en} If this was not you, please ignore this message.`,
    ],
  }),
  ru: ({ firstName }) => ({
    subject: 'Регистрация в SolidPoint',
    paragraphs: [
      russianGreeting(firstName),
      'Спасибо за регистрацию в SolidPoint. Войти в учётную запись можно будет после того, как её активирует администратор Вашей организации. Мы сообщим Вам об этом отдельным письмом.',
      `${WHY_YOU_RECEIVE_THIS.ru} Если это были не Вы, просто проигнорируйте это письмо.`,
    ],
  }),
});
