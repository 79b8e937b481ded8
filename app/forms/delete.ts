import { z } from 'zod';

/** A delete form (components/delete-form.tsx): the ticked confirmation and the version it saw. */
export const DeleteSchema = z.object({
  confirm: z.literal('yes', 'validation.confirmDelete'),
  expectedVersion: z.coerce.number().int().positive(),
});
