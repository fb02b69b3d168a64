import type { Locale } from './locale';

/** What a notification to a user needs of them: the name it addresses them by. */
export interface AddressedUser {
  firstName: string;
}

/** The sample user of the startup check and the previews. */
export const SAMPLE_USER: AddressedUser = { firstName: 'Ivan' };

/** Why a user receives an email about their account: the closing line of every user notification. */
export const WHY_YOU_RECEIVE_THIS: Readonly<Record<Locale, string>> = {
  en: 'You are receiving this email because your email address was used to register for the SolidPoint dashboard.',
  ru: 'Вы получили это письмо, потому что Ваш адрес электронной почты указали при регистрации в панели управления SolidPoint.',
};

/** The greeting of a Russian letter: "Dear ..." is stiff in Russian, "Здравствуйте" is what people write. */
export const russianGreeting = (firstName: string): string => `Здравствуйте, ${firstName}!`;
