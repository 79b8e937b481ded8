import {
  json,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import {
  Form,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useNavigation,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeLanguage } from 'remix-i18next/react';
import { GeneralErrorBoundary } from './components/error-boundary';
import { MainNav } from './components/main-nav';
import { NotificationBell } from './components/notification-bell';
import { visibleSections } from './domain/permissions';
import { LOCALES } from './i18n';
import stylesheet from './styles/app.css';
import { countUnread } from './models/notification-inbox.server';
import { getWorkspace } from './models/workspace.server';
import { getLocale } from './utils/i18n.server';
import { useNonce } from './utils/nonce-provider';
import { getSessionUser } from './utils/session.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesheet }];

export const meta: MetaFunction = () => [{ title: 'Lotse' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, locale, workspace] = await Promise.all([
    getSessionUser(request),
    getLocale(request),
    getWorkspace(),
  ]);
  // the bell's number: one count on every page (none while a one-time password waits)
  const unread = user && !user.mustChangePassword ? await countUnread(user.id) : 0;
  return json({
    locale,
    timeZone: workspace.timeZone,
    workspaceName: workspace.name,
    user: user && {
      name: user.name,
      email: user.email,
      roles: user.roles,
      mustChangePassword: user.mustChangePassword,
      unreadNotifications: unread,
    },
  });
}

export type RootLoader = typeof loader;

/**
 * Besides after every form, the bell's count is loaded again on the way into and out of the
 * notifications (opening one marks it read on its way to the item).
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}) =>
  defaultShouldRevalidate ||
  [currentUrl, nextUrl].some((url) => url.pathname.startsWith('/notifications'));

export function useOptionalUser() {
  return useRouteLoaderData<RootLoader>('root')?.user ?? null;
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootLoader>('root');
  const locale = data?.locale ?? 'en';
  useChangeLanguage(locale);
  const nonce = useNonce();
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <AppShell>{children}</AppShell>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function AppShell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const user = useOptionalUser();
  const location = useLocation();
  const navigation = useNavigation();
  const here = location.pathname + location.search;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <a className="brand" href="/">
          {t('app.name')}
        </a>
        {/* with a one-time password every section leads to the password change anyway */}
        {user && !user.mustChangePassword ? (
          <MainNav sections={visibleSections(user.roles)} />
        ) : null}
        <div className="header-tools">
          <Form method="post" action="/settings/language" className="language-switch">
            <input type="hidden" name="redirectTo" value={here} />
            <label htmlFor="language-select" className="visually-hidden">
              {t('app.language')}
            </label>
            <select
              id="language-select"
              name="locale"
              defaultValue={i18n.language}
              key={i18n.language}
            >
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {t(`languages.${l}`)}
                </option>
              ))}
            </select>
            <button type="submit" className="button-secondary">
              {t('app.switchLanguage')}
            </button>
          </Form>
          {user ? (
            <>
              {user.mustChangePassword ? null : (
                <NotificationBell unread={user.unreadNotifications} />
              )}
              <span className="signed-in">{t('app.signedInAs', { name: user.name })}</span>
              <NavLink to="/account/password" className="header-link">
                {t('app.changePassword')}
              </NavLink>
              <Form method="post" action="/logout">
                <button type="submit" className="button-secondary">
                  {t('app.logout')}
                </button>
              </Form>
            </>
          ) : null}
        </div>
      </header>
      <div
        className="progress"
        role="progressbar"
        aria-hidden={navigation.state === 'idle'}
        data-active={navigation.state !== 'idle'}
        aria-label={t('common.loading')}
      />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
