import { OAuth2TokenSource, RENEW_BEFORE_EXPIRY_MS } from './oauth2-token.source.js';
import type { AccessToken } from './token-endpoint.js';

/** A token endpoint stand-in: the source's logic is what is tested here, the wire in test/smtp-oauth2.e2e-spec.ts. */
function endpoint(lifetimeMs: number, clock: { now: number }) {
  const issued: string[] = [];
  const fetchToken = async (): Promise<AccessToken> => {
    await Promise.resolve();
    issued.push(`token-${issued.length + 1}`);
    return { value: issued.at(-1) as string, expiresAt: clock.now + lifetimeMs };
  };
  return { issued, fetchToken };
}

describe('OAuth2TokenSource', () => {
  it('fetches once for every caller waiting at the same time', async () => {
    const clock = { now: 0 };
    const { issued, fetchToken } = endpoint(3_600_000, clock);
    const source = new OAuth2TokenSource(fetchToken, () => clock.now);
    const tokens = await Promise.all([source.token(), source.token(), source.token()]);
    expect(tokens.map((token) => token.value)).toEqual(['token-1', 'token-1', 'token-1']);
    expect(issued).toHaveLength(1);
  });

  it('keeps the token until shortly before it expires, then fetches another', async () => {
    const clock = { now: 0 };
    const { fetchToken } = endpoint(3_600_000, clock);
    const source = new OAuth2TokenSource(fetchToken, () => clock.now);
    await source.token();
    clock.now = 3_600_000 - RENEW_BEFORE_EXPIRY_MS - 1;
    expect((await source.token()).value).toBe('token-1');
    clock.now += 1;
    expect((await source.token()).value).toBe('token-2');
  });

  it('fetches another when asked to renew (the server refused it)', async () => {
    const clock = { now: 0 };
    const { fetchToken } = endpoint(3_600_000, clock);
    const source = new OAuth2TokenSource(fetchToken, () => clock.now);
    await source.token();
    expect((await source.token(true)).value).toBe('token-2');
  });

  it('fetches again after a failed fetch', async () => {
    let calls = 0;
    const source = new OAuth2TokenSource(() => {
      calls += 1;
      if (calls === 1) return Promise.reject(new Error('endpoint down'));
      return Promise.resolve({ value: 'token', expiresAt: Date.now() + 3_600_000 });
    });
    await expect(source.token()).rejects.toThrow('endpoint down');
    await expect(source.token()).resolves.toMatchObject({ value: 'token' });
  });

  describe('renewingRefused', () => {
    const refusal = Object.assign(new Error('Invalid login: 535 5.7.3 Authentication unsuccessful'), {
      command: 'AUTH XOAUTH2',
      responseCode: 535,
    });

    it('runs the work once more, with a fresh token, when the server refused a cached one', async () => {
      const clock = { now: 0 };
      const { issued, fetchToken } = endpoint(3_600_000, clock);
      const source = new OAuth2TokenSource(fetchToken, () => clock.now);
      await source.token();
      const used: string[] = [];
      const result = await source.renewingRefused(async () => {
        const token = (await source.token()).value;
        used.push(token);
        if (token === 'token-1') throw refusal;
        return 'sent';
      });
      expect(result).toBe('sent');
      expect(used).toEqual(['token-1', 'token-2']);
      expect(issued).toHaveLength(2);
    });

    it('does not retry when the refused token was fetched during the work', async () => {
      const clock = { now: 0 };
      const { issued, fetchToken } = endpoint(3_600_000, clock);
      const source = new OAuth2TokenSource(fetchToken, () => clock.now);
      await expect(
        source.renewingRefused(async () => {
          await source.token();
          throw refusal;
        }),
      ).rejects.toBe(refusal);
      expect(issued).toHaveLength(1);
    });

    it('does not retry other failures', async () => {
      const source = new OAuth2TokenSource(() => Promise.resolve({ value: 't', expiresAt: Date.now() + 3_600_000 }));
      await source.token();
      let runs = 0;
      const failure = Object.assign(new Error('550 5.1.1 unknown'), { command: 'RCPT TO', responseCode: 550 });
      await expect(
        source.renewingRefused(() => {
          runs += 1;
          return Promise.reject(failure);
        }),
      ).rejects.toBe(failure);
      expect(runs).toBe(1);
    });
  });
});
