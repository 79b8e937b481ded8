import { z } from 'zod';
import { ROLES } from '~/domain/permissions';
import { newPassword } from './password';

// The user forms, importable by the browser. Messages are i18n keys; the form shows them next to
// their inputs.
const name = z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong');
const roles = z.array(z.enum(ROLES, 'validation.roleRequired')).min(1, 'validation.roleRequired');

/**
 * A new user as the browser can check it. The server's `NewUserSchema`
 * (utils/user-validation.server.ts) extends it with the password policy, whose list of common
 * passwords stays on the server.
 */
export const NewUserFormSchema = z.object({
  name,
  email: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .max(320, 'validation.tooLong')
    .pipe(z.email('validation.email')),
  password: newPassword,
  roles,
});

export const EditUserSchema = z.object({
  name,
  roles,
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
  expectedVersion: z.coerce.number().int().positive(),
});
