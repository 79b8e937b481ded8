import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTags } from '~/domain/knowledge/tags';

/**
 * Tags as removable chips, each sent as a `tags` field; new ones are typed (with suggestions
 * from existing tags) and added with Enter, a comma or the Add button.
 */
export function TagInput({
  name = 'tags',
  defaultTags,
  suggestions,
  label,
  errorId,
  invalid,
}: {
  name?: string;
  defaultTags: readonly string[];
  suggestions: readonly string[];
  label: string;
  errorId?: string;
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [tags, setTags] = useState<string[]>([...defaultTags]);
  const [draft, setDraft] = useState('');
  const add = () => {
    const next = parseTags([...tags, ...draft.split(',')]);
    setTags(next);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      if (draft.trim()) add();
    } else if (event.key === 'Backspace' && !draft && tags.length) {
      setTags(tags.slice(0, -1));
    }
  };
  return (
    <div className="field">
      <label htmlFor={`${id}-input`}>{label}</label>
      <ul className="tags chips" aria-label={t('knowledge.form.chosenTags')}>
        {tags.map((tag) => (
          <li key={tag} className="badge">
            {tag}
            <input type="hidden" name={name} value={tag} />
            <button
              type="button"
              className="chip-remove"
              aria-label={t('knowledge.form.removeTag', { tag })}
              onClick={() => setTags(tags.filter((x) => x !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="inline">
        <input
          id={`${id}-input`}
          list={`${id}-suggestions`}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={`${id}-hint${errorId && invalid ? ` ${errorId}` : ''}`}
          aria-invalid={invalid || undefined}
          autoComplete="off"
          // without JavaScript, what is typed here is still sent as tags
          name={`${name}Text`}
        />
        <button type="button" className="button-secondary" onClick={add} disabled={!draft.trim()}>
          {t('knowledge.form.addTag')}
        </button>
      </div>
      <datalist id={`${id}-suggestions`}>
        {suggestions
          .filter((s) => !tags.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
      <p className="field-hint" id={`${id}-hint`}>
        {t('knowledge.form.tagsHint')}
      </p>
    </div>
  );
}
