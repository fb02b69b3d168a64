import { buildMessage, IsOptional, IsString, Length, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { hasControlCharacter, isEmailAddress } from '../../smtp';

/** A person's name: 1-100 characters, not blank, no control characters (it goes into an email). */
function IsPersonName(): PropertyDecorator {
  return ValidateBy({
    name: 'isPersonName',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && value.trim().length > 0 && !hasControlCharacter(value),
      defaultMessage: buildMessage((each) => `${each}$property must not be blank or contain control characters`),
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

/** Body of `POST /users`. Unknown fields are rejected by the global ValidationPipe. */
export class RegisterUserDto {
  @IsDeliverableEmail()
  email!: string;

  @IsString()
  @Length(1, 100)
  @IsPersonName()
  firstName!: string;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  @IsPersonName()
  lastName?: string;

  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters long' })
  // Bounds the work of hashing a hostile request.
  @MaxLength(1024, { message: 'password must be at most 1024 characters long' })
  password!: string;
}
