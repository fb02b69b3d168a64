import { type ArgumentMetadata, BadRequestException, Injectable, ValidationPipe } from '@nestjs/common';

/**
 * Names that class-transformer and the validation pipe drop from a body before the whitelist
 * looks at it (`__proto__`, `constructor`, what every object inherits, `prototype`), so they
 * would be accepted silently where any other unknown field is refused.
 */
const DROPPED_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/**
 * The app's validation: unknown fields are refused (400 `property x should not exist`), the first
 * failed rule of each field is reported, and the names the standard pipe drops unseen are refused
 * with the same message, ahead of the other messages as class-validator puts unknown fields.
 */
@Injectable()
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dropped = this.toValidate(metadata) ? droppedNamesOf(value) : [];
    if (dropped.length === 0) return super.transform(value, metadata);
    const messages = dropped.map((name) => `property ${name} should not exist`);
    try {
      await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof BadRequestException)) throw error;
      const { message } = error.getResponse() as { message?: unknown };
      if (Array.isArray(message)) messages.push(...(message as string[]));
    }
    throw new BadRequestException(messages);
  }
}

function droppedNamesOf(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.keys(value).filter((name) => DROPPED_NAMES.has(name));
}
