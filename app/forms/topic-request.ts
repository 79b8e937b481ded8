import { z } from 'zod';

// Messages are i18n keys; the form shows them next to their inputs.
export const MAX_TOPIC_REQUEST_LENGTH = 2000;

/** Asking the experts of a department for knowledge a need lacks. */
export const TopicRequestFormSchema = z.object({
  department: z.string().trim().min(1, 'validation.choose').max(120, 'validation.choose'),
  text: z
    .string()
    .trim()
    .min(10, 'topicRequests.form.textTooShort')
    .max(MAX_TOPIC_REQUEST_LENGTH, 'validation.tooLong'),
});
export type TopicRequestFormData = z.infer<typeof TopicRequestFormSchema>;

/** Withdrawing an open topic request, with the version the editor saw. */
export const WithdrawTopicRequestSchema = z.object({
  requestId: z.string().trim().min(1, 'validation.invalid').max(40, 'validation.invalid'),
  expectedVersion: z.coerce
    .number('validation.invalid')
    .int('validation.invalid')
    .positive('validation.invalid')
    .max(2_147_483_647, 'validation.invalid'),
});
