import { MIN_PASSWORD_LENGTH } from '~/forms/password';
import type { FieldErrors } from './forms';
import type { PasswordProblem } from './password-policy.server';

// The schemas live in forms/password.ts, where the browser can import them too.
export {
  ChangePasswordSchema,
  ForgotPasswordSchema,
  OneTimePasswordSchema,
  ResetPasswordSchema,
} from '~/forms/password';

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
