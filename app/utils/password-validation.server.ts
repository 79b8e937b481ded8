import { z } from 'zod';
import type { FieldErrors } from './forms';
import { MIN_PASSWORD_LENGTH } from './password.server';
import { MAX_PASSWORD_LENGTH, type PasswordProblem } from './password-policy.server';

// The forms that set a password. The policy itself (common, personal) is checked by the model,
// which knows whose password it is; these schemas check the shape. Messages are i18n keys.
const anyPassword = z
  .string()
  .min(1, 'validation.required')
  .max(MAX_PASSWORD_LENGTH, 'validation.tooLong');
const newPassword = z
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

const PROBLEM_KEYS: Record<PasswordProblem, string> = {
  tooShort: 'validation.passwordTooShort',
  tooLong: 'validation.tooLong',
  common: 'validation.passwordCommon',
  personal: 'validation.passwordPersonal',
};

/** A refused new password as the error of the form's field. */
export function passwordFieldError(field: string, problem: PasswordProblem): FieldErrors {
  return {
    [field]: {
      key: PROBLEM_KEYS[problem],
      values: problem === 'tooShort' ? { min: MIN_PASSWORD_LENGTH } : {},
    },
  };
}
