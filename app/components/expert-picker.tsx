import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '~/utils/forms';
import { FieldError } from './field';

type Option = { id: string; name: string };

/** Letters without a decomposition of their own that people type as plain Latin ones. */
const PLAIN: Record<string, string> = { ı: 'i', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', æ: 'ae', œ: 'oe' };

/**
 * Lower case without accents, so "lena" finds "Léna", "muller" finds "Müller" and "yilmaz" finds
 * "Yılmaz".
 */
const fold = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[ıßøłđæœ]/g, (c) => PLAIN[c] ?? c);

/** The options whose name contains what was typed (all of them for nothing typed), in order. */
export function filterOptions(
  options: readonly Option[],
  query: string,
  chosen: readonly string[],
) {
  const q = fold(query.trim());
  return options.filter((o) => !chosen.includes(o.id) && (!q || fold(o.name).includes(q)));
}

// useLayoutEffect warns when rendered on the server; the server never runs effects anyway
const useBrowserLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/**
 * Picks several people from a list: chosen ones show as chips, each sent as a `name` field.
 * A searchable combobox (the WAI-ARIA combobox pattern with a listbox popup): typing filters the
 * list, the arrow keys move through it, Enter adds, Escape closes; each chip has a labelled
 * remove button, and Backspace in the empty box removes the last chip.
 *
 * Without JavaScript it is a plain multiple select under the same label and name. Once the page
 * is interactive, the combobox takes its place, starting from what is selected there.
 */
export function ExpertPicker({
  id,
  name,
  label,
  options,
  defaultValue,
  errors,
  onChange,
}: {
  /** the id of the control the label points at (the select, then the combobox's text box) */
  id: string;
  name: string;
  label: string;
  options: readonly Option[];
  defaultValue: readonly string[];
  errors?: FieldErrors;
  /** called after the chosen set changed (the hidden fields are in the form by then) */
  onChange?: () => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const select = useRef<HTMLSelectElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [enhanced, setEnhanced] = useState(false);
  const [chosen, setChosen] = useState<string[]>(() =>
    defaultValue.filter((v) => options.some((o) => o.id === v)),
  );
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const changed = useRef(false);

  // take over what was chosen in the plain select before the page became interactive
  useBrowserLayoutEffect(() => {
    if (select.current) {
      setChosen(Array.from(select.current.selectedOptions, (o) => o.value));
    }
    setEnhanced(true);
  }, []);

  useEffect(() => {
    if (!changed.current) return;
    changed.current = false;
    onChange?.();
  }, [chosen, onChange]);

  const byId = useMemo(() => new Map(options.map((o) => [o.id, o])), [options]);
  const matches = useMemo(() => filterOptions(options, query, chosen), [options, query, chosen]);
  const listboxId = `${base}-listbox`;
  const optionId = (i: number) => `${base}-option-${i}`;
  const expanded = open && matches.length > 0;
  const current = expanded ? Math.min(active, matches.length - 1) : -1;
  const invalid = Boolean(errors?.[name]);
  const describedBy = (hint: string) => (invalid ? `${hint} ${id}-error` : hint);
  const error = <FieldError errors={errors} name={name} id={`${id}-error`} />;

  if (!enhanced) {
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select
          ref={select}
          id={id}
          name={name}
          multiple
          size={5}
          defaultValue={[...defaultValue]}
          aria-describedby={describedBy(`${id}-hint`)}
          aria-invalid={invalid || undefined}
        >
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <p className="field-hint" id={`${id}-hint`}>
          {t('calendar.form.expertsHint')}
        </p>
        {error}
      </div>
    );
  }

  const add = (option: Option) => {
    changed.current = true;
    setChosen((list) => (list.includes(option.id) ? list : [...list, option.id]));
    setQuery('');
    setActive(0);
    // the list closes, so it covers nothing; typing or the down arrow opens it again
    setOpen(false);
    setAnnouncement(t('expertPicker.added', { name: option.name }));
  };
  const remove = (optionId: string, refocus: boolean) => {
    changed.current = true;
    setChosen((list) => list.filter((x) => x !== optionId));
    setAnnouncement(t('expertPicker.removed', { name: byId.get(optionId)?.name ?? '' }));
    if (refocus) input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open || event.altKey) {
          setOpen(true);
          if (!open) setActive(0);
        } else if (matches.length) {
          setActive((current + 1) % matches.length);
        }
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(Math.max(matches.length - 1, 0));
        } else if (matches.length) {
          setActive((current - 1 + matches.length) % matches.length);
        }
        break;
      case 'Enter':
        // Enter chooses; it never submits the form from here
        event.preventDefault();
        if (expanded && matches[current]) add(matches[current]);
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
        } else if (query) {
          event.preventDefault();
          setQuery('');
        }
        break;
      case 'Backspace': {
        const last = chosen.at(-1);
        if (!query && last) {
          event.preventDefault();
          remove(last, false);
        }
        break;
      }
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  const hintId = `${id}-hint`;
  return (
    <div className="field expert-picker">
      <label htmlFor={id}>{label}</label>
      {chosen.length ? (
        <ul className="tags chips" aria-label={t('expertPicker.chosen')}>
          {chosen.map((value) => {
            const person = byId.get(value);
            return (
              <li key={value} className="badge">
                {person?.name ?? value}
                <input type="hidden" name={name} value={value} />
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('expertPicker.remove', { name: person?.name ?? value })}
                  onClick={() => remove(value, true)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="empty">{t('expertPicker.none')}</p>
      )}
      <div className="combobox">
        <input
          ref={input}
          id={id}
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-autocomplete="list"
          aria-activedescendant={current >= 0 ? optionId(current) : undefined}
          aria-describedby={describedBy(hintId)}
          aria-invalid={invalid || undefined}
          autoComplete="off"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
        />
        <ul
          id={listboxId}
          role="listbox"
          aria-label={t('expertPicker.options')}
          className="combobox-list"
          hidden={!expanded}
        >
          {matches.map((o, i) => (
            <li
              key={o.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'active' : undefined}
              // keep the focus in the text box while a pointer picks an option
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => add(o)}
            >
              {o.name}
            </li>
          ))}
        </ul>
        {open && query && !matches.length ? (
          <p className="field-hint">{t('expertPicker.noMatch', { query })}</p>
        ) : null}
      </div>
      <p className="field-hint" id={hintId}>
        {t('expertPicker.hint')}
      </p>
      {error}
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
