/**
 * The key a suppression is kept and looked up under: the whole address in lower case. Domains
 * are case-insensitive, and the app already treats local parts so (one user per `lower(email)`,
 * `mailboxOf` for the registration limit). Unlike `mailboxOf`, a `+tag` is kept: a refusal is a
 * fact about the exact address refused, and a server that knows no sub-addresses refuses
 * `ivan+x@…` while it takes `ivan@…`, so anyone registering a made-up tag could otherwise
 * silence the real mailbox.
 * @example suppressionKeyOf('Ghost+News@SolidLab.ru') // 'ghost+news@solidlab.ru'
 */
export function suppressionKeyOf(address: string): string {
  return address.toLowerCase();
}
