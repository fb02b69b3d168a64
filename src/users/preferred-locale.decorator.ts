import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { DEFAULT_LOCALE, type Locale, LOCALES } from '../notifications';

/** The part of Express's request this needs (the app runs on @nestjs/platform-express). */
interface NegotiatingRequest {
  acceptsLanguages(...languages: string[]): string | false;
}

/**
 * The request's `Accept-Language` negotiated against our locales by Express (q-values honoured,
 * `ru-RU` matching `ru`, `*` and no header giving the first, English), or English when it names
 * none of them.
 */
export const PreferredLocale = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Locale =>
    (context
      .switchToHttp()
      .getRequest<NegotiatingRequest>()
      .acceptsLanguages(...LOCALES) || DEFAULT_LOCALE) as Locale,
);
