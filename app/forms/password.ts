import { z } from 'zod';

// The forms that set a password, importable by the browser. The policy itself (common, personal)
// is checked by the model, which knows whose password it is; these schemas check the shape.
// Messages are i18n keys.

/** The shortest password Lotse accepts. */
export const MIN_PASSWORD_LENGTH = 10;
/** The longest: hashing a longer one would only cost time. */
export const MAX_PASSWORD_LENGTH = 1024;

const anyPassword = z
  .string()
  .min(1, 'validation.required')
  .max(MAX_PASSWORD_LENGTH, 'validation.tooLong');
/** A new password as the forms check it (the model adds the policy). */
export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, 'validation.passwordTooShort')
  .max(MAX_PASSWORD_LENGTH, 'validation.tooLong');

const confirmed = <T extends { newPassword: string; confirmPassword: string }>(v: T) =>
  v.newPassword === v.confirmPassword;
const mismatch = { message: 'account.password.mismatch', path: ['confirmPassword'] };

export const ChangePasswordSchema = z
  .object({
    currentPassword: anyPassword,
    newPassword,
    confirmPassword: z.string().max(MAX_PASSWORD_LENGTH, 'validation.tooLong'),
    redirectTo: z.string().max(2048).optional(),
  })
  .refine(confirmed, mismatch);

export const ResetPasswordSchema = z
  .object({
    token: z.string().max(100),
    newPassword,
    confirmPassword: z.string().max(MAX_PASSWORD_LENGTH, 'validation.tooLong'),
  })
  .refine(confirmed, mismatch);

export const OneTimePasswordSchema = z.object({ password: newPassword });

export const ForgotPasswordSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .max(320, 'validation.tooLong')
    .pipe(z.email('validation.email')),
});
