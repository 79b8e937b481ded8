import { parse, useForm, type Submission } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { useRef, type FocusEvent, type FormEvent } from 'react';
import { z } from 'zod';
import { ENTERED_DATES } from '~/forms/entered-dates';
import { formDataToObject, type FieldErrors } from './forms';

type FieldError = NonNullable<FieldErrors[string]>;
type Check = Submission<Record<string, unknown>, FieldError, unknown>;

/** The same reading of the form data that the route's action applies before its schema. */
type Read = (form: FormData) => { input: Record<string, unknown> };

const DATE_TYPES = new Set(['date', 'datetime-local', 'month', 'time', 'week']);
/** The name of the button conform submits with to check a field (never sent to the server). */
const CONFORM_INTENT = '__intent__';

const isSubmitButton = (el: EventTarget | null): el is HTMLButtonElement | HTMLInputElement =>
  (el instanceof HTMLButtonElement || el instanceof HTMLInputElement) && el.type === 'submit';

/** An issue as the server's `parseForm` reports it: the i18n key and its values. */
function toFieldError(issue: z.core.$ZodIssue): FieldError {
  const values: Record<string, unknown> = {};
  if ('minimum' in issue) values.min = issue.minimum;
  if ('maximum' in issue) values.max = issue.maximum;
  return { key: issue.message, values };
}

/**
 * A date field whose input the browser cannot read as a date (30 February, half filled) has an
 * empty value: list the date fields that hold input in the form's hidden field, so the schema
 * (in the browser and on the server) refuses an empty one instead of dropping it.
 */
function noteEnteredDates(form: HTMLFormElement, formData: FormData) {
  const flag = form.elements.namedItem(ENTERED_DATES);
  if (!(flag instanceof HTMLInputElement)) return;
  flag.value = [...form.elements]
    .filter(
      (el): el is HTMLInputElement =>
        el instanceof HTMLInputElement &&
        DATE_TYPES.has(el.type) &&
        el.name !== '' &&
        (el.validity.badInput || el.value !== ''),
    )
    .map((el) => el.name)
    .join(' ');
  formData.set(ENTERED_DATES, flag.value);
}

type Checks = {
  schema: z.ZodType;
  /** the action's reader of the form data (tags, term lines, …); by default its plain values */
  read?: Read;
  /** fields sent several times (checkbox groups), when there is no `read` */
  arrays?: readonly string[];
};

/** Form data checked as the action checks it: the same reading, the same schema. */
export function checkFormData({ schema, read, arrays = [] }: Checks, formData: FormData): Check {
  const input = read ? read(formData).input : formDataToObject(formData, arrays);
  return parseWithZod(formData, {
    schema: z.preprocess(() => input, schema),
    disableAutoCoercion: true,
    formatError: (issues: z.core.$ZodIssue[]) => toFieldError(issues[0]!),
  }) as Check;
}

/** conform names errors by path (`tags[2]`); the fields show the first one of each field. */
export function toFieldErrors(byPath: Record<string, FieldError | null | undefined>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [name, error] of Object.entries(byPath)) {
    const field = name.split(/[.[]/)[0] || '_form';
    if (error && !errors[field]) errors[field] = error;
  }
  return errors;
}

/**
 * Checks a form in the browser with the schema its route's action uses (through conform), so
 * messages appear while typing: after leaving a field, and again on every keystroke once shown.
 * A submit with errors stays in the browser; a valid one goes to the server as before, and
 * without JavaScript the server checks alone.
 *
 * The errors come in the server's shape (`FieldErrors`); `errorsWith` puts the server's answer
 * on top, so a message the server gave stays until the next answer.
 */
export function useValidatedForm({
  schema,
  read,
  arrays = [],
  skip,
  nativeChecksUntilHydrated = false,
}: Checks & {
  /** a submit button that does not save (a preview) and so is not checked */
  skip?: (submitter: HTMLInputElement | HTMLButtonElement) => boolean;
  /**
   * Leave the browser's own checks on until the page is hydrated: a form whose fields the
   * browser may refuse to read (dates) is then never sent with such a field emptied.
   */
  nativeChecksUntilHydrated?: boolean;
}) {
  // Leaving a field for a submit button checks nothing yet: a message appearing (or going) on
  // the way would move the button away from under the pointer, and the click would be lost.
  // The submit checks every field anyway.
  const towardsSubmit = useRef(false);
  const [form] = useForm<Record<string, unknown>, unknown, FieldError>({
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultNoValidate: !nativeChecksUntilHydrated,
    onValidate({ form, formData, submitter }): Check {
      if (submitter?.name === CONFORM_INTENT && towardsSubmit.current) {
        towardsSubmit.current = false;
        return parse(formData, { resolve: () => ({ error: null }) });
      }
      if (submitter && skip?.(submitter))
        return parse(formData, { resolve: () => ({ error: null }) });
      noteEnteredDates(form, formData);
      return checkFormData({ schema, read, arrays }, formData);
    },
  });
  const errors = toFieldErrors(form.allErrors);

  return {
    /** the browser's errors */
    errors,
    /** the browser's errors with the server's answer on top */
    errorsWith: (server?: FieldErrors | null): FieldErrors => ({ ...errors, ...server }),
    /** the form's id, noValidate and submit handler; `onSubmit` runs when the form is sent */
    formProps: (onSubmit?: (event: FormEvent<HTMLFormElement>) => void) => ({
      id: form.id,
      noValidate: form.noValidate,
      onSubmit: (event: FormEvent<HTMLFormElement>) => {
        form.onSubmit(event);
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        if (submitter?.getAttribute('name') === CONFORM_INTENT) event.preventDefault();
        if (!event.defaultPrevented) onSubmit?.(event);
      },
      onBlur: (event: FocusEvent<HTMLFormElement>) => {
        const next = event.relatedTarget;
        towardsSubmit.current = isSubmitButton(next) && next.form === event.currentTarget;
      },
    }),
  };
}
