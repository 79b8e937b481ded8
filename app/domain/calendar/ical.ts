import ical, { ICalCalendarMethod } from 'ical-generator';

export type FeedPiece = {
  id: string;
  title: string;
  brief: string;
  channel: string;
  status: string;
  publishAt: Date | null;
  webinarStart: Date | null;
  webinarEnd: Date | null;
  updatedAt: Date;
  deadlines: { stage: string; dueAt: Date }[];
};

export type FeedTexts = {
  calendarName: string;
  channel: (channel: string) => string;
  status: (status: string) => string;
  deadline: (stage: string, title: string) => string;
};

/**
 * A personal iCalendar feed: one event per piece at its publish time (webinars from start to
 * end), and optionally one per stage deadline. Times are written in UTC, so every calendar
 * program shows them right in its own zone, also across daylight-saving changes; the workspace
 * zone is named for programs that show it.
 */
export function buildFeed(
  pieces: readonly FeedPiece[],
  texts: FeedTexts,
  options: { baseUrl: string; timeZone: string; deadlines: boolean },
) {
  const calendar = ical({
    name: texts.calendarName,
    prodId: { company: 'Lotse', product: 'Lotse', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 30,
  });
  calendar.x([{ key: 'X-WR-TIMEZONE', value: options.timeZone }]);
  for (const p of pieces) {
    if (!p.publishAt) continue;
    const webinar = p.channel === 'webinar' && p.webinarStart && p.webinarEnd;
    calendar.createEvent({
      id: `piece-${p.id}@lotse`,
      start: webinar ? p.webinarStart! : p.publishAt,
      end: webinar ? p.webinarEnd! : new Date(p.publishAt.getTime() + 30 * 60_000),
      summary: `[${texts.channel(p.channel)}] ${p.title}`,
      description: [texts.status(p.status), p.brief].filter(Boolean).join('\n\n'),
      url: `${options.baseUrl}/calendar/${p.id}`,
      lastModified: p.updatedAt,
      stamp: p.updatedAt,
    });
    if (options.deadlines) {
      for (const d of p.deadlines) {
        calendar.createEvent({
          id: `deadline-${p.id}-${d.stage}@lotse`,
          start: d.dueAt,
          end: new Date(d.dueAt.getTime() + 15 * 60_000),
          summary: texts.deadline(d.stage, p.title),
          url: `${options.baseUrl}/calendar/${p.id}`,
          stamp: p.updatedAt,
        });
      }
    }
  }
  return calendar.toString();
}
