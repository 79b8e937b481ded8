import { DEFAULT_LOCALE, isLocale, resources } from '~/i18n';

type Match = { id: string; data: unknown };

/**
 * The document title in the reader's language: meta functions cannot use hooks, so the
 * language comes from the root loader's data and the text straight from the bundled catalog.
 */
export function pageTitle(
  matches: readonly Match[],
  key: string | null,
  detail?: string,
): { title: string }[] {
  const rootData = matches.find((m) => m.id === 'root')?.data as { locale?: unknown } | undefined;
  const locale = isLocale(rootData?.locale) ? rootData.locale : DEFAULT_LOCALE;
  const text = key
    ? key
        .split('.')
        .reduce<unknown>(
          (node, part) => (node as Record<string, unknown> | undefined)?.[part],
          resources[locale].common,
        )
    : null;
  const parts = [detail, typeof text === 'string' ? text : null, 'Lotse'].filter(Boolean);
  return [{ title: parts.join(' · ') }];
}
