// Target groups by behaviour (domain/strategy/technographics.ts): the rule table, the channel
// mix a Social Technographics profile suggests, and whether a plan fits it.
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '~/domain/calendar/vocabulary';
import {
  CHANNEL_FORMATS,
  FIT_RULES,
  fitOfPlan,
  profileShares,
  suggestChannelMix,
  TECHNOGRAPHIC_GROUPS,
  type TechnographicsProfile,
} from '~/domain/strategy/technographics';
import de from '~/locales/de.json' with { type: 'json' };
import en from '~/locales/en.json' with { type: 'json' };

const lookup = (catalog: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      catalog,
    );

const profile = (shares: Partial<TechnographicsProfile>): TechnographicsProfile => ({
  creators: 0,
  conversationalists: 0,
  critics: 0,
  collectors: 0,
  joiners: 0,
  spectators: 0,
  inactives: 0,
  ...shares,
});

const SPECTATORS = profile({
  creators: 5,
  critics: 10,
  collectors: 15,
  joiners: 30,
  spectators: 75,
  inactives: 15,
});
const DEBATERS = profile({
  creators: 40,
  conversationalists: 30,
  critics: 55,
  spectators: 70,
  joiners: 40,
});

describe('the rule table', () => {
  it('gives every group at least one channel and every rule a reason in both languages', () => {
    for (const group of TECHNOGRAPHIC_GROUPS)
      expect(
        FIT_RULES.some((r) => r.group === group),
        group,
      ).toBe(true);
    for (const rule of FIT_RULES) {
      expect(CHANNELS).toContain(rule.channel);
      expect(rule.formats.length).toBeGreaterThan(0);
      for (const format of rule.formats) expect(CHANNEL_FORMATS).toContain(format);
      for (const catalog of [en, de]) {
        expect(typeof lookup(catalog, rule.reason), rule.reason).toBe('string');
        for (const format of rule.formats)
          expect(typeof lookup(catalog, `technographics.formats.${format}`)).toBe('string');
      }
    }
  });

  it('has one row per group and channel', () => {
    const pairs = FIT_RULES.map((r) => `${r.group}|${r.channel}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('offers discussion formats only to groups that discuss', () => {
    for (const rule of FIT_RULES.filter((r) => r.formats.includes('discussion')))
      expect(['creators', 'conversationalists', 'critics']).toContain(rule.group);
  });
});

describe('suggestChannelMix', () => {
  it('reaches mostly spectators by podcasts and whitepapers more than by discussion', () => {
    const mix = suggestChannelMix(profile({ spectators: 80, joiners: 20, inactives: 10 }));
    expect(
      mix
        .map((m) => m.channel)
        .slice(0, 2)
        .sort(),
    ).toEqual(['podcast', 'whitepaper']);
    const share = (c: string) => mix.find((m) => m.channel === c)?.share ?? 0;
    expect(share('podcast')).toBeGreaterThan(share('webinar'));
    expect(share('whitepaper')).toBeGreaterThan(share('webinar'));
    expect(mix.flatMap((m) => m.formats)).not.toContain('discussion');
    const podcast = mix.find((m) => m.channel === 'podcast');
    expect(podcast?.formats).toContain('listenOnTheGo');
    expect(podcast?.reasons[0]).toEqual({
      key: 'technographics.rules.spectatorsPodcast',
      values: { share: 80 },
    });
  });

  it('gives many critics and creators webinars with Q&A and guest contributions', () => {
    const mix = suggestChannelMix(DEBATERS);
    expect(
      mix
        .map((m) => m.channel)
        .slice(0, 2)
        .sort(),
    ).toEqual(['blog', 'webinar']);
    const formats = mix.flatMap((m) => m.formats);
    expect(formats).toContain('qaWebinar');
    expect(formats).toContain('guestPost');
  });

  it('sends inactives whitepapers through sales', () => {
    const mix = suggestChannelMix(profile({ inactives: 80, spectators: 10 }));
    expect(mix[0]?.channel).toBe('whitepaper');
    expect(mix[0]?.formats).toContain('salesWhitepaper');
    expect(mix[0]?.reasons[0]?.key).toBe('technographics.rules.inactivesWhitepaper');
  });

  it('gives collectors downloadable studies and series', () => {
    const mix = suggestChannelMix(profile({ collectors: 60 }));
    expect(mix[0]?.channel).toBe('whitepaper');
    expect(mix.flatMap((m) => m.formats)).toEqual(
      expect.arrayContaining(['downloadableStudy', 'series']),
    );
  });

  it('gives joiners and conversationalists a webinar community and snippets to share', () => {
    const mix = suggestChannelMix(profile({ joiners: 60, conversationalists: 50 }));
    expect(mix.map((m) => m.channel).sort()).toEqual(['blog', 'webinar']);
    expect(mix.flatMap((m) => m.formats)).toEqual(
      expect.arrayContaining(['webinarCommunity', 'socialSnippets']),
    );
  });

  it('answers whole shares that add up to 100, ranked, with at most two reasons', () => {
    for (const p of [SPECTATORS, DEBATERS, profile({ creators: 1, inactives: 1, joiners: 1 })]) {
      const mix = suggestChannelMix(p);
      expect(mix.reduce((s, m) => s + m.share, 0)).toBe(100);
      for (const m of mix) {
        expect(Number.isInteger(m.share)).toBe(true);
        expect(m.reasons.length).toBeGreaterThan(0);
        expect(m.reasons.length).toBeLessThanOrEqual(2);
      }
      const shares = mix.map((m) => m.share);
      expect([...shares].sort((a, b) => b - a)).toEqual(shares);
    }
  });

  it('names only groups with a real share as reasons', () => {
    const mix = suggestChannelMix(profile({ spectators: 80, critics: 5 }));
    const blog = mix.find((m) => m.channel === 'blog');
    expect(blog?.reasons.map((r) => r.key)).toEqual(['technographics.rules.spectatorsBlog']);
  });

  it('suggests nothing for an empty profile and is not thrown by bad numbers', () => {
    expect(suggestChannelMix(profile({}))).toEqual([]);
    const odd = suggestChannelMix(profile({ spectators: Number.NaN, critics: 500, joiners: -20 }));
    expect(odd.reduce((s, m) => s + m.share, 0)).toBe(100);
    expect(odd.flatMap((m) => m.reasons.map((r) => r.values.share))).not.toContain(500);
  });

  it('does not need the shares to add up to 100 (the groups overlap)', () => {
    const doubled = Object.fromEntries(
      Object.entries(SPECTATORS).map(([g, s]) => [g, Math.min(100, s * 1.2)]),
    ) as TechnographicsProfile;
    expect(suggestChannelMix(doubled).map((m) => m.channel)).toEqual(
      suggestChannelMix(SPECTATORS).map((m) => m.channel),
    );
  });
});

describe('fitOfPlan', () => {
  it('flags a plan of discussion-heavy channels for an audience of spectators', () => {
    const fit = fitOfPlan(SPECTATORS, { blog: 2, webinar: 6 });
    expect(fit).toMatchObject({ total: 8, judged: true, fits: false });
    expect(fit.over).toContain('webinar');
    expect(fit.under).toEqual(['whitepaper']);
    expect(fit.reason?.key).toMatch(/^technographics\.rules\.spectators/);
    const blog = fit.channels.find((c) => c.channel === 'blog');
    expect(blog).toMatchObject({ planned: 2, plannedShare: 25 });
  });

  it('accepts a plan close to the suggested mix', () => {
    const fit = fitOfPlan(SPECTATORS, { podcast: 3, whitepaper: 3, blog: 3, webinar: 1 });
    expect(fit).toMatchObject({ judged: true, fits: true, over: [], under: [], reason: null });
  });

  it('does not judge a plan of too few pieces, nor an empty profile', () => {
    expect(fitOfPlan(SPECTATORS, { webinar: 2 })).toMatchObject({ judged: false, fits: true });
    expect(fitOfPlan(profile({}), { blog: 10 })).toMatchObject({ judged: false, fits: true });
    expect(fitOfPlan(SPECTATORS, {})).toMatchObject({ total: 0, judged: false, fits: true });
  });

  it('takes its tolerance and minimum from the caller', () => {
    const plan = { podcast: 3, whitepaper: 3, blog: 3, webinar: 1 };
    expect(fitOfPlan(SPECTATORS, plan, { tolerance: 2 }).fits).toBe(false);
    expect(fitOfPlan(SPECTATORS, { webinar: 2 }, { minPieces: 1 }).fits).toBe(false);
  });
});

describe('profileShares', () => {
  it('reads a stored row into shares between 0 and 100', () => {
    expect(profileShares({ creators: 12, critics: '30', joiners: 140, spectators: null })).toEqual(
      profile({ creators: 12, critics: 30, joiners: 100 }),
    );
  });
});
