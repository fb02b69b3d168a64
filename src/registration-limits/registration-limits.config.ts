import { ConfigType, registerAs } from '@nestjs/config';
import { EnvironmentReader } from '../config/environment-reader';

/** How often registration may run, per client network and per mailbox (see the README's "Registration limits"). */
export interface RegistrationLimitsConfig {
  /**
   * `REGISTRATION_IP_LIMIT`: registration requests one client network (an IPv4 address, an IPv6
   * /64) may make per `ipWindowSeconds`, counted by each instance. Default 10: an office behind
   * one NAT address can still onboard 600 people an hour, and a script that tries more spends at
   * most 3% of a core on password hashing.
   */
  ipLimit: number;
  /** `REGISTRATION_IP_WINDOW`: seconds those requests are counted over. Default 60, so a person who hits the limit waits a minute at most. */
  ipWindowSeconds: number;
  /**
   * `REGISTRATION_EMAIL_WINDOW`: seconds during which a mailbox gets at most one registration
   * email, across all instances. Default 3600: registering is once per person, so an hour costs
   * nobody anything, and a mailbox cannot be sent more than 24 a day through `+tag` variants.
   */
  emailWindowSeconds: number;
}

export function parseRegistrationLimitsEnvironment(env: NodeJS.ProcessEnv): Readonly<RegistrationLimitsConfig> {
  const reader = new EnvironmentReader(env);
  return reader.result({
    ipLimit: reader.integer('REGISTRATION_IP_LIMIT', 10, 1),
    ipWindowSeconds: reader.integer('REGISTRATION_IP_WINDOW', 60, 1),
    emailWindowSeconds: reader.integer('REGISTRATION_EMAIL_WINDOW', 3600, 1),
  });
}

export const registrationLimitsConfig = registerAs('registrationLimits', () =>
  parseRegistrationLimitsEnvironment(process.env),
);
export type RegistrationLimitsConfigType = ConfigType<typeof registrationLimitsConfig>;
