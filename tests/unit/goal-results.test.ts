// A KPI's results on the goal page, as the server renders them: the progress said once (as the
// chart's summary), in sentences that begin with a capital, and a value that moved away from the
// target past its baseline said in words rather than as a negative share of the way.
import { createInstance, type i18n as I18n } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { GoalResults } from '~/components/goal-results';
import { i18nConfig } from '~/i18n';

const languages = new Map<string, I18n>();

beforeAll(async () => {
  for (const lng of ['en', 'de']) {
    const i18n = createInstance();
    await i18n.use(initReactI18next).init({ ...i18nConfig, lng, react: { useSuspense: false } });
    languages.set(lng, i18n);
  }
});

type Kpi = Parameters<typeof GoalResults>[0]['kpis'][number];

const kpi = (over: Partial<Kpi> = {}): Kpi => ({
  id: 'k1',
  metric: 'page_views',
  customLabel: null,
  unit: 'count',
  direction: 'more',
  baseline: 1000,
  target: 5000,
  targetDate: '2026-12-31',
  window: { from: '2026-06-01', to: '2026-12-03' },
  actual: 3000,
  basis: 'scope',
  progress: { share: 0.5, reached: false, status: 'behind' },
  trend: [],
  contributors: [],
  ...over,
});

function text(k: Kpi, lng = 'en') {
  const html = renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n: languages.get(lng)! },
      createElement(GoalResults, { goalId: 'g1', kpis: [k] }),
    ),
  );
  return html.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|');
}

describe('the goal page’s results', () => {
  it('says the progress once, with which way is better as a sentence of its own', () => {
    const page = text(kpi());
    const sentence =
      '3,000 count of the target 5,000 count by 31 Dec 2026: behind plan. ' +
      '50% of the way from the baseline to the target. More is better.';
    expect(page.split(sentence)).toHaveLength(2);
    expect(page).not.toContain('more is better');
    expect(text(kpi({ direction: 'less' }), 'de')).toContain('Weniger ist besser.');
  });

  it('says a value past its baseline is below (or above) it instead of a negative share', () => {
    const below = text(
      kpi({ actual: 200, progress: { share: -0.2, reached: false, status: 'behind' } }),
    );
    expect(below).toContain('behind plan. That is below the baseline. More is better.');
    expect(below).not.toMatch(/-\s?20/);
    const above = text(
      kpi({
        direction: 'less',
        baseline: 50,
        target: 20,
        actual: 60,
        progress: { share: -0.33, reached: false, status: 'behind' },
      }),
      'de',
    );
    expect(above).toContain('Das liegt über dem Ausgangswert. Weniger ist besser.');
    expect(above).not.toMatch(/-\s?33/);
  });
});
