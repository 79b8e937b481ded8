// The patch to @remix-run/router (patches/, applied by `postinstall`): matching a routes array
// flattens and ranks its tree once, not on every call, and a route pattern compiles to its regular
// expression once. The server matches the same tree several times for every request.
import {
  createMemoryHistory,
  createRouter,
  matchPath,
  matchRoutes,
  type AgnosticRouteObject,
} from '@remix-run/router';
import { afterEach, describe, expect, test } from 'vitest';

/** A route whose `children` count how often something walks into them. */
function counted(route: AgnosticRouteObject & { children: AgnosticRouteObject[] }) {
  const children = route.children;
  const reads = { count: 0 };
  Object.defineProperty(route, 'children', {
    enumerable: true,
    get() {
      reads.count++;
      return children;
    },
  });
  return { route, reads };
}

function tree() {
  const calendar = counted({
    id: 'calendar',
    path: 'calendar',
    children: [
      { id: 'calendar-index', index: true },
      { id: 'calendar-new', path: 'new' },
      { id: 'calendar-piece', path: ':pieceId' },
      { id: 'calendar-feed', path: 'feed/:token.ics' },
    ],
  });
  const routes: AgnosticRouteObject[] = [
    {
      id: 'root',
      path: '/',
      children: [
        { id: 'home', index: true },
        calendar.route,
        { id: 'knowledge', path: 'knowledge/:itemId?' },
        { id: 'not-found', path: '*' },
      ],
    },
  ];
  return { routes, reads: calendar.reads };
}

const ids = (matches: ReturnType<typeof matchRoutes>) => matches?.map((m) => m.route.id) ?? null;

describe('matching a routes array', () => {
  test('flattens and ranks the tree once for all matches against the same array', () => {
    const { routes, reads } = tree();
    matchRoutes(routes, '/calendar');
    const afterFirst = reads.count;
    expect(afterFirst).toBeGreaterThan(0);
    for (const path of ['/calendar/new', '/calendar/abc', '/knowledge', '/nowhere', '/calendar']) {
      matchRoutes(routes, path);
    }
    expect(reads.count).toBe(afterFirst);
  });

  test('a different array (a new build, new routes) is flattened on its own', () => {
    const first = tree();
    const second = tree();
    matchRoutes(first.routes, '/calendar');
    expect(second.reads.count).toBe(0);
    expect(ids(matchRoutes(second.routes, '/calendar/new'))).toEqual([
      'root',
      'calendar',
      'calendar-new',
    ]);
    expect(second.reads.count).toBeGreaterThan(0);
  });

  test('still ranks static before dynamic segments, index routes and splats as before', () => {
    const { routes } = tree();
    // ask twice: the second answer comes from the cached branches
    for (let round = 0; round < 2; round++) {
      expect(ids(matchRoutes(routes, '/'))).toEqual(['root', 'home']);
      expect(ids(matchRoutes(routes, '/calendar'))).toEqual(['root', 'calendar', 'calendar-index']);
      expect(ids(matchRoutes(routes, '/calendar/new'))).toEqual([
        'root',
        'calendar',
        'calendar-new',
      ]);
      const piece = matchRoutes(routes, '/calendar/p-1');
      expect(ids(piece)).toEqual(['root', 'calendar', 'calendar-piece']);
      expect(piece?.at(-1)?.params).toEqual({ pieceId: 'p-1' });
      expect(ids(matchRoutes(routes, '/knowledge'))).toEqual(['root', 'knowledge']);
      expect(matchRoutes(routes, '/knowledge/k-7')?.at(-1)?.params).toEqual({ itemId: 'k-7' });
      const other = matchRoutes(routes, '/calendar/p-1/extra');
      expect(ids(other)).toEqual(['root', 'not-found']);
      expect(other?.at(-1)?.params['*']).toBe('calendar/p-1/extra');
      expect(matchRoutes(routes, '/elsewhere', '/app')).toBeNull();
    }
  });

  test('routes the router discovers during a navigation are matched right away', async () => {
    // lazy route discovery patches the tree in place and matches the same array again
    const router = createRouter({
      routes: [{ id: 'root', path: '/', children: [{ id: 'home', index: true }] }],
      history: createMemoryHistory({ initialEntries: ['/'] }),
      patchRoutesOnNavigation: ({ path, patch }) => {
        if (path === '/reports') patch('root', [{ id: 'reports', path: 'reports' }]);
      },
    }).initialize();
    try {
      await router.navigate('/reports');
      expect(router.state.errors).toBeNull();
      expect(router.state.matches.map((m) => m.route.id)).toEqual(['root', 'reports']);
    } finally {
      router.dispose();
    }
  });
});

describe('compiling a route pattern', () => {
  const NativeRegExp = globalThis.RegExp;
  afterEach(() => {
    globalThis.RegExp = NativeRegExp;
  });

  /** Counts the regular expressions built with `new RegExp(…)` while `work` runs. */
  function regExpsBuiltBy(work: () => void): number {
    let built = 0;
    globalThis.RegExp = new Proxy(NativeRegExp, {
      construct(target, args) {
        built++;
        return Reflect.construct(target, args);
      },
    });
    try {
      work();
    } finally {
      globalThis.RegExp = NativeRegExp;
    }
    return built;
  }

  test('builds the regular expression of a pattern once', () => {
    // a pattern no other test compiled
    const pattern = `/compiled-once-${Date.now()}/:id`;
    const first = regExpsBuiltBy(() => {
      expect(matchPath(pattern, pattern.replace(':id', '42'))?.params).toEqual({ id: '42' });
    });
    expect(first).toBe(1);
    const again = regExpsBuiltBy(() => {
      expect(matchPath(pattern, pattern.replace(':id', '43'))?.params).toEqual({ id: '43' });
      expect(matchPath(pattern, '/other/43')).toBeNull();
    });
    expect(again).toBe(0);
  });

  test('keeps case sensitivity and end matching apart', () => {
    const path = `/Mixed-${Date.now()}`;
    expect(matchPath({ path, caseSensitive: false, end: true }, path.toLowerCase())).not.toBeNull();
    expect(matchPath({ path, caseSensitive: true, end: true }, path.toLowerCase())).toBeNull();
    expect(matchPath({ path, caseSensitive: true, end: true }, `${path}/more`)).toBeNull();
    expect(matchPath({ path, caseSensitive: true, end: false }, `${path}/more`)).not.toBeNull();
    expect(matchPath({ path, caseSensitive: false, end: true }, `${path}/more`)).toBeNull();
  });
});
