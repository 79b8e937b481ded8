import { NavLink, useLocation } from '@remix-run/react';
import ChevronDown from 'lucide-react/icons/chevron-down';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

// layout effects only run in the browser; on the server this is a plain (never run) effect
const useBrowserLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

type Section = { key: string; path: string };

/** Whether a section's link is the current page's (as NavLink decides its `active` class). */
function isCurrent(path: string, pathname: string) {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

function SectionLink({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <NavLink to={section.path} end={section.path === '/'} prefetch="intent">
      {t(`nav.${section.key}`)}
    </NavLink>
  );
}

/**
 * The main navigation: one line, always. The sections that do not fit the line (a narrow window,
 * long German labels, a person with many roles) move, from the end, into a "More" menu. Without
 * JavaScript every section stays on the line.
 */
export function MainNav({ sections }: { sections: readonly Section[] }) {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  const navRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const moreRef = useRef<HTMLDetailsElement>(null);
  /** how many sections stand on the line; the rest are in the menu */
  const [inline, setInline] = useState(sections.length);
  const [open, setOpen] = useState(false);
  /** each section's width on the line, measured while all of them stood there */
  const widths = useRef<number[] | null>(null);
  const moreWidth = useRef(0);
  const layoutKey = `${i18n.language}|${sections.map((s) => s.key).join(',')}`;

  const fit = useCallback(() => {
    const nav = navRef.current;
    const list = listRef.current;
    if (!nav || !list) return;
    const items = Array.from(list.querySelectorAll<HTMLElement>(':scope > li[data-section]'));
    if (!widths.current) {
      // measured only while every section is on the line; the next render shows them all
      if (items.some((li) => li.dataset.hidden === 'true')) return;
      widths.current = items.map((li) => li.getBoundingClientRect().width);
    }
    const more = list.querySelector<HTMLElement>(':scope > li.nav-more');
    if (more?.offsetWidth) moreWidth.current = more.getBoundingClientRect().width;
    const gap = parseFloat(getComputedStyle(list).columnGap) || 0;
    const available = nav.clientWidth;
    const w = widths.current;
    const all = w.reduce((sum, x) => sum + x, 0) + gap * Math.max(0, w.length - 1);
    let n = w.length;
    if (all > available + 0.5) {
      // the "More" button's width, once it has been shown; a generous guess before that
      const reserve = (moreWidth.current || 7 * parseFloat(getComputedStyle(list).fontSize)) + gap;
      let used = 0;
      n = 0;
      while (n < w.length && used + (n ? gap : 0) + w[n]! + reserve <= available) {
        used += (n ? gap : 0) + w[n]!;
        n++;
      }
    }
    setInline(n);
  }, []);

  // new labels (another language) or other sections: measure afresh with all of them on the line
  useBrowserLayoutEffect(() => {
    widths.current = null;
    moreWidth.current = 0;
    setInline(sections.length);
  }, [layoutKey, sections.length]);

  useBrowserLayoutEffect(fit, [fit, inline, layoutKey]);

  useEffect(() => {
    const nav = navRef.current;
    if (!nav || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => fit());
    observer.observe(nav);
    return () => observer.disconnect();
  }, [fit]);

  // the menu closes when a section opens, and on a click elsewhere
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!moreRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const overflow = inline < sections.length;
  const moved = sections.slice(inline);
  return (
    <nav aria-label={t('app.mainNavigation')} className="main-nav" ref={navRef}>
      <ul ref={listRef} data-overflow={overflow}>
        {sections.map((s, i) => (
          <li key={s.key} data-section={s.key} data-hidden={i >= inline ? 'true' : undefined}>
            <SectionLink section={s} />
          </li>
        ))}
        <li className="nav-more">
          <details
            ref={moreRef}
            open={open}
            onToggle={(e) => setOpen(e.currentTarget.open)}
            onKeyDown={(e) => {
              // the element's own state: its toggle event (which updates `open`) comes a moment
              // after the browser opened it, and Escape may come first
              if (e.key !== 'Escape' || !e.currentTarget.open) return;
              e.currentTarget.open = false;
              setOpen(false);
              moreRef.current?.querySelector('summary')?.focus();
            }}
          >
            <summary data-active={moved.some((s) => isCurrent(s.path, pathname))}>
              {t('nav.more')}
              <ChevronDown className="icon" aria-hidden="true" focusable="false" />
            </summary>
            <ul>
              {moved.map((s) => (
                <li key={s.key}>
                  <SectionLink section={s} />
                </li>
              ))}
            </ul>
          </details>
        </li>
      </ul>
    </nav>
  );
}
