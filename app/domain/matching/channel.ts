import type { Channel } from '../calendar/vocabulary';

/**
 * The channel an accepted match most likely becomes: studies and data make whitepapers (or, for
 * the social-media community, blog posts), expertise for opinion leaders makes webinars, cases
 * and expertise for a community make podcasts or blog posts. The editor can change it.
 */
export function suggestChannel(kind: string, audience: string): Channel {
  const a = audience.toLowerCase();
  const community = /social|community|follower/.test(a);
  const experts =
    /optiker|optician|presse|press|journal|meinungsbild|opinion|fach|trade|partner/.test(a);
  if (kind === 'study' || kind === 'data') return community ? 'blog' : 'whitepaper';
  if (kind === 'analysis') return experts ? 'whitepaper' : 'blog';
  if (kind === 'case') return community ? 'podcast' : 'blog';
  return experts ? 'webinar' : community ? 'podcast' : 'blog';
}
