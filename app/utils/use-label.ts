import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';

const remembered = new WeakMap<I18n, Map<string, string>>();
const LIMIT = 5_000;

/**
 * The text of a key without options (a channel, a status, a fixed label), remembered per i18next
 * instance and language. Long lists repeat the same few labels hundreds of times per page, and
 * each lookup through i18next resolves namespaces, fallbacks and interpolation anew; the catalogs
 * are bundled and never change while the app runs.
 */
export function rememberedText(i18n: I18n, key: string): string {
  let texts = remembered.get(i18n);
  if (!texts || texts.size >= LIMIT) {
    texts = new Map();
    remembered.set(i18n, texts);
  }
  const id = `${i18n.language}\u0000${key}`;
  let text = texts.get(id);
  if (text === undefined) {
    text = i18n.t(key);
    texts.set(id, text);
  }
  return text;
}

/** `label(key)`: the remembered text of a key without options, in the reader's language. */
export function useLabel(): (key: string) => string {
  const { i18n } = useTranslation();
  return (key) => rememberedText(i18n, key);
}
