import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '~/utils/forms';
import { FieldError } from './field';
import { useHydrated } from './live-disclosure';

/**
 * Markdown as HTML, safe to put into the page: micromark's defaults (CommonMark) write raw HTML
 * in the source out as escaped text and drop link and image targets with dangerous protocols
 * (`javascript:`, `data:`, …). The renderer is loaded when first needed, so pages with a
 * Markdown field don't carry it until someone opens a preview.
 */
export async function renderMarkdown(source: string): Promise<string> {
  const { micromark } = await import('micromark');
  return micromark(source);
}

/** A Markdown text, rendered (after a moment, the first time). */
export function MarkdownView({ source, emptyText }: { source: string; emptyText: string }) {
  const { t } = useTranslation();
  const [rendered, setRendered] = useState<{ source: string; html: string } | null>(null);
  useEffect(() => {
    let current = true;
    void renderMarkdown(source).then((html) => {
      if (current) setRendered({ source, html });
    });
    return () => {
      current = false;
    };
  }, [source]);
  if (!source.trim()) return <p className="empty">{emptyText}</p>;
  if (rendered?.source !== source) return <p className="field-hint">{t('common.loading')}</p>;
  // renderMarkdown escapes every HTML tag of the source: only Markdown's own markup is rendered
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: rendered.html }} />;
}

type Mode = 'write' | 'preview';
const MODES: readonly Mode[] = ['write', 'preview'];

/**
 * A Markdown text area with "Write" and "Preview" tabs (the WAI-ARIA tabs pattern: arrow keys,
 * Home and End move between the tabs). Without JavaScript it is the plain text area. The text
 * area keeps the id, name, label, hint and error of a form field (`field-<name>`); it stays in
 * the form while the preview shows, so a save sends it either way.
 */
export function MarkdownField({
  name,
  label,
  hint,
  errors,
  defaultValue,
  rows,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: FieldErrors;
  defaultValue: string;
  rows?: number;
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const base = useId();
  const id = `field-${name}`;
  const [mode, setMode] = useState<Mode>('write');
  const [source, setSource] = useState(defaultValue);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const tabs = useRef<Record<Mode, HTMLButtonElement | null>>({ write: null, preview: null });
  const invalid = Boolean(errors?.[name]);
  const describedBy =
    [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  // a refused text shows with its message: back to writing, where both are
  const error = errors?.[name];
  useEffect(() => {
    if (error) setMode('write');
  }, [error]);
  const tabId = (m: Mode) => `${base}-tab-${m}`;
  const panelId = (m: Mode) => `${base}-panel-${m}`;

  const choose = (next: Mode, focus = false) => {
    if (next === 'preview') setSource(textarea.current?.value ?? '');
    setMode(next);
    if (focus) tabs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const at = MODES.indexOf(mode);
    const to =
      event.key === 'ArrowRight'
        ? MODES[(at + 1) % MODES.length]
        : event.key === 'ArrowLeft'
          ? MODES[(at - 1 + MODES.length) % MODES.length]
          : event.key === 'Home'
            ? MODES[0]
            : event.key === 'End'
              ? MODES[MODES.length - 1]
              : null;
    if (!to) return;
    event.preventDefault();
    choose(to, true);
  };

  const area = (
    <>
      <textarea
        ref={textarea}
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError errors={errors} name={name} id={`${id}-error`} />
    </>
  );

  return (
    <div className="field markdown-field">
      <label htmlFor={id}>{label}</label>
      {hydrated ? (
        <div role="tablist" aria-label={t('markdown.modes')} className="tabs">
          {MODES.map((m) => (
            <button
              key={m}
              ref={(el) => {
                tabs.current[m] = el;
              }}
              type="button"
              role="tab"
              id={tabId(m)}
              aria-selected={mode === m}
              aria-controls={panelId(m)}
              tabIndex={mode === m ? 0 : -1}
              onClick={() => choose(m)}
              onKeyDown={onKeyDown}
            >
              {t(`markdown.${m}`)}
            </button>
          ))}
        </div>
      ) : null}
      {/* the same element before and after hydration, so the text area is never replaced */}
      <div
        className="tab-panel"
        {...(hydrated
          ? {
              role: 'tabpanel',
              id: panelId('write'),
              'aria-labelledby': tabId('write'),
              hidden: mode !== 'write',
            }
          : {})}
      >
        {area}
      </div>
      {hydrated ? (
        <div
          role="tabpanel"
          id={panelId('preview')}
          aria-labelledby={tabId('preview')}
          hidden={mode !== 'preview'}
          // the panel itself takes focus, so a keyboard user can reach and scroll it
          tabIndex={0}
          className="tab-panel markdown-preview"
        >
          {mode === 'preview' ? (
            <MarkdownView source={source} emptyText={t('markdown.empty')} />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
