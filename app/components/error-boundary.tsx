import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** Shows a message per status (403, 404, others) in the language of the page. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  let title = t('errors.title');
  let message = t('errors.unexpected');
  if (isRouteErrorResponse(error)) {
    if (error.status === 403) {
      title = t('errors.forbiddenTitle');
      message = t('errors.forbidden');
    } else if (error.status === 404) {
      title = t('errors.notFoundTitle');
      message = t('errors.notFound');
    } else if (error.status < 500) {
      // a route may name what was wrong with the request by one of the errors.* messages
      message =
        typeof error.data === 'string' && /^errors\.[A-Za-z]+$/.test(error.data)
          ? t(error.data)
          : t('errors.badRequest');
    }
  } else if (typeof document !== 'undefined') {
    console.error(error);
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </section>
  );
}
