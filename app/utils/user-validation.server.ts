import { z } from 'zod';
import { ROLES } from '~/domain/permissions';
import { MIN_PASSWORD_LENGTH } from './password.server';
import {
  isCommonPassword,
  isPersonalPassword,
  MAX_PASSWORD_LENGTH,
} from './password-policy.server';

// Messages are i18n keys; the form shows them next to their inputs.
const name = z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong');
const roles = z.array(z.enum(ROLES, 'validation.roleRequired')).min(1, 'validation.roleRequired');

export const NewUserSchema = z
  .object({
    name,
    email: z
      .string()
      .trim()
      .min(1, 'validation.required')
      .max(320, 'validation.tooLong')
      .pipe(z.email('validation.email')),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, 'validation.passwordTooShort')
      .max(MAX_PASSWORD_LENGTH, 'validation.tooLong')
      .refine((password) => !isCommonPassword(password), 'validation.passwordCommon'),
    roles,
  })
  .refine((user) => !isPersonalPassword(user.password, user), {
    message: 'validation.passwordPersonal',
    path: ['password'],
  });

export const EditUserSchema = z.object({
  name,
  roles,
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
  expectedVersion: z.coerce.number().int().positive(),
});
