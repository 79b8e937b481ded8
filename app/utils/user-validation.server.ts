import { NewUserFormSchema } from '~/forms/user';
import { isCommonPassword, isPersonalPassword } from './password-policy.server';

export { EditUserSchema } from '~/forms/user';

/** The new-user form with the password policy, which needs the server's list of common passwords. */
export const NewUserSchema = NewUserFormSchema.extend({
  password: NewUserFormSchema.shape.password.refine(
    (password) => !isCommonPassword(password),
    'validation.passwordCommon',
  ),
}).refine((user) => !isPersonalPassword(user.password, user), {
  message: 'validation.passwordPersonal',
  path: ['password'],
});
