import { ConfigType, registerAs } from '@nestjs/config';
import { isEmailAddress } from '@solidpoint/nestjs-smtp';
import { EnvironmentReader } from '../config/environment-reader';

/** Who hears about new registrations. */
export interface RegistrationNotifyConfig {
  /**
   * `REGISTRATION_NOTIFY_TO`: comma-separated addresses that each get a "new registration waiting
   * for activation" email; empty when unset (nobody is notified). Duplicates in any letter case are dropped.
   */
  recipients: readonly string[];
}

export function parseRegistrationNotifyEnvironment(env: NodeJS.ProcessEnv): Readonly<RegistrationNotifyConfig> {
  const reader = new EnvironmentReader(env);
  const value = reader.text('REGISTRATION_NOTIFY_TO');
  const addresses = value === undefined ? [] : value.split(',').map((address) => address.trim());
  const wrong = addresses.filter((address) => !isEmailAddress(address));
  if (wrong.length > 0) {
    // JSON quoting keeps the message on one line whatever the value holds.
    reader.problem(
      `REGISTRATION_NOTIFY_TO must be a comma-separated list of email addresses, e.g. admin@example.com,ops@example.com; ${wrong.map((address) => JSON.stringify(address)).join(', ')} is not one`,
    );
  }
  const unique = addresses.filter(
    (address, index) => addresses.findIndex((other) => other.toLowerCase() === address.toLowerCase()) === index,
  );
  return reader.result({ recipients: Object.freeze(unique) });
}

export const registrationNotifyConfig = registerAs('registrationNotify', () =>
  parseRegistrationNotifyEnvironment(process.env),
);
export type RegistrationNotifyConfigType = ConfigType<typeof registrationNotifyConfig>;
