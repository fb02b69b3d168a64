import { buildMessage, IsIn, IsOptional, IsString, Length, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { isEmailAddress } from '@solidpoint/nestjs-smtp';
import { type Locale, LOCALES } from '../../notifications';
import { isPersonName } from '../person-name';

/** A person's name in any script (it goes into an email): see {@link isPersonName}. */
function IsPersonName(): PropertyDecorator {
  return ValidateBy({
    name: 'isPersonName',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isPersonName(value),
      defaultMessage: buildMessage(
        (each) => `${each}$property must contain a letter and no control, invisible or text-direction characters`,
      ),
    },
  });
}

/** An address we can deliver to: the same rule the SMTP client applies to every recipient. */
function IsDeliverableEmail(): PropertyDecorator {
  return ValidateBy({
    name: 'isDeliverableEmail',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isEmailAddress(value),
      defaultMessage: buildMessage((each) => `${each}$property must be an email address like name@example.com`),
    },
  });
}

/**
 * Body of `POST /users`. Unknown fields are rejected by the global validation pipe; strings that
 * are not well-formed Unicode never get here (the JSON body parser refuses them).
 * class-validator runs a property's decorators bottom-up and reports the first failure only,
 * so the most basic check of each field is written last.
 */
export class RegisterUserDto {
  @IsDeliverableEmail()
  email!: string;

  @IsPersonName()
  @Length(1, 100)
  @IsString()
  firstName!: string;

  @IsPersonName()
  @Length(1, 100)
  @IsString()
  @IsOptional()
  lastName?: string;

  // The upper bound limits the work a hostile request can cause when the password is hashed.
  @MaxLength(1024, { message: 'password must be at most 1024 characters long' })
  @MinLength(12, { message: 'password must be at least 12 characters long' })
  @IsString()
  password!: string;

  /** The language of the user's emails; without it, `Accept-Language` decides. */
  @IsIn(LOCALES, { message: `locale must be one of ${LOCALES.join(', ')}` })
  @IsOptional()
  locale?: Locale;
}
