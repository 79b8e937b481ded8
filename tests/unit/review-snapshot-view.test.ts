// The review's snapshot as the page renders it: values with their unit as the strategy page
// shows them, one wording for a missing value, a KPI past its baseline said in words, and a piece
// named among the best not named among the weakest again.
import { createInstance, type i18n as I18n } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReviewSnapshotView } from '~/components/review-snapshot';
import type { ReviewSnapshot, SnapshotKpi } from '~/domain/strategy/review-snapshot';
import { i18nConfig } from '~/i18n';

const languages = new Map<string, I18n>();

beforeAll(async () => {
  for (const lng of ['en', 'de']) {
    const i18n = createInstance();
    await i18n.use(initReactI18next).init({ ...i18nConfig, lng, react: { useSuspense: false } });
    languages.set(lng, i18n);
  }
});

const kpi = (over: Partial<SnapshotKpi>): SnapshotKpi => ({
  kpiId: 'k1',
  goalId: 'g1',
  metric: 'repurchase_rate',
  customLabel: null,
  unit: 'percent',
  direction: 'more',
  baseline: 62,
  target: 70,
  targetDate: '2026-12-31',
  actual: 64,
  share: 0.25,
  reached: false,
  status: 'behind',
  ...over,
});

const piece = (id: string, relative: number) => ({
  pieceId: id,
  title: `Piece ${id}`,
  channel: 'blog',
  metric: 'page_views',
  value: relative * 1000,
  relative,
});

const snapshot = (over: Partial<ReviewSnapshot['goals'][number]>): ReviewSnapshot => ({
  period: { from: '2026-06-03', to: '2026-12-03' },
  goals: [
    {
      goalId: 'g1',
      title: 'Keep customers',
      kpis: [kpi({})],
      best: [],
      weakest: [],
      published: 0,
      ...over,
    },
  ],
  gaps: { goals: [], channels: [] },
  unservedNeeds: [],
  published: 0,
});

function render(value: ReviewSnapshot, lng = 'en') {
  const html = renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n: languages.get(lng)! },
      createElement(ReviewSnapshotView, { snapshot: value }),
    ),
  );
  return html.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|');
}

describe('the snapshot view', () => {
  it('shows the KPI values with their unit, as the strategy page does', () => {
    expect(render(snapshot({}))).toContain('|62 %|70 %|64 %|Behind (25 %)|');
    expect(render(snapshot({}), 'de')).toContain('|62 %|70 %|64 %|Im Rückstand (25 %)|');
  });

  it('says "No data" one way in a row without results', () => {
    const text = render(
      snapshot({ kpis: [kpi({ actual: null, share: null, status: 'noData', baseline: null })] }),
    );
    expect(text).toContain('|No data|70 %|No data|No data|');
    expect(text).not.toContain('no data');
  });

  it('says a value past the baseline is below it, not a negative share', () => {
    const text = render(snapshot({ kpis: [kpi({ actual: 58, share: -0.49 })] }));
    expect(text).toContain('|Behind (below the baseline)|');
    expect(text).not.toContain('-49');
    const less = render(snapshot({ kpis: [kpi({ direction: 'less', share: -0.2 })] }), 'de');
    expect(less).toContain('|Im Rückstand (über dem Ausgangswert)|');
  });

  it('does not name the weakest when every piece is among the best', () => {
    const three = render(
      snapshot({ best: [piece('a', 2), piece('b', 1), piece('c', 0.5)], weakest: [] }),
    );
    expect(three).toContain('|Weakest pieces|Every piece with results is named among the best.|');
    expect(three.match(/Piece c/g)).toHaveLength(1);
    // no piece at all: one message, no empty list of the weakest
    const none = render(snapshot({}));
    expect(none).toContain('No piece with results served this goal.');
    expect(none).not.toContain('Weakest pieces');
  });
});
