import { expect, logInAs, test } from './fixtures';

const CUSTOMERS = 'Bestandskunden / Existing customers';

test('an editor enters how an audience behaves online and sees the suggested channel mix with reasons', async ({
  page,
  t,
  lang,
}) => {
  const audienceName = `Lesende Praxisteams ${lang}`;
  await logInAs(page, t, 'editor');
  await page.goto('/audiences/new');
  await page.getByLabel(t('audiences.form.name')).fill(audienceName);
  await page.getByRole('button', { name: t('audiences.form.create') }).click();
  await expect(page.getByRole('heading', { level: 1, name: audienceName })).toBeVisible();

  // no profile yet: the section says so and offers the form
  const section = page.getByRole('region', { name: t('technographics.title') });
  await expect(section.getByText(t('technographics.empty'))).toBeVisible();
  await expect(section.getByRole('img')).toHaveCount(0);

  const shares = {
    creators: '4',
    conversationalists: '4',
    critics: '6',
    collectors: '10',
    joiners: '10',
    spectators: '120',
    inactives: '12',
  };
  for (const [group, share] of Object.entries(shares))
    await section.getByLabel(t(`technographics.groups.${group}`), { exact: true }).fill(share);
  await section.getByLabel(t('technographics.form.source')).fill('Customer survey 2026');
  await section.getByLabel(t('technographics.form.surveyedAt')).fill('2026-10-15');

  // a share above 100 is refused next to its field
  await section.getByRole('button', { name: t('technographics.form.save') }).click();
  const spectators = section.getByLabel(t('technographics.groups.spectators'), { exact: true });
  await expect(spectators).toHaveAttribute('aria-invalid', 'true');
  await expect(section.getByText(t('technographics.form.shareRange'))).toBeVisible();
  await spectators.fill('78');
  await section.getByRole('button', { name: t('technographics.form.save') }).click();
  await expect(page.getByRole('status')).toHaveText(t('technographics.saved'));

  // the suggested mix: a chart with a text summary, and a table with the reasons
  const chart = section.getByRole('img', { name: t('technographics.mix.chartLabel') });
  await expect(chart).toBeVisible();
  const table = section.getByRole('table', { name: t('technographics.mix.title') });
  await expect(
    table.getByRole('columnheader', { name: t('technographics.mix.reasons') }),
  ).toBeVisible();
  const podcast = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: t('channels.podcast'), exact: true }) });
  await expect(podcast).toContainText(t('technographics.rules.spectatorsPodcast', { share: 78 }));
  await expect(podcast).toContainText(t('technographics.formats.listenOnTheGo'));
  // spectators are reached by podcasts and whitepapers first
  const firstTwo = await table.locator('tbody tr th').allTextContents();
  expect(firstTwo.slice(0, 2).sort()).toEqual(
    [t('channels.podcast'), t('channels.whitepaper')].sort(),
  );

  // the form now shows what was saved
  await expect(
    section.getByLabel(t('technographics.groups.spectators'), { exact: true }),
  ).toHaveValue('78');
});

test('the calendar flags an audience whose plan does not fit its behaviour, and others read the profile without controls', async ({
  page,
  t,
}) => {
  await logInAs(page, t, 'editor');
  await page.goto('/calendar?view=agenda');
  const aids = page.locator('details.planning-aids');
  await aids.locator('summary').click();
  await expect(aids.getByRole('heading', { name: t('technographics.aid.title') })).toBeVisible();
  const flagged = aids.getByRole('listitem').filter({ hasText: CUSTOMERS });
  await expect(flagged).toContainText(
    t('technographics.aid.over', { channel: t('channels.blog'), planned: '', suggested: '' })
      .split('(')[0]!
      .trim(),
  );
  // the link leads to the audience's profile
  await flagged
    .getByRole('link', { name: t('technographics.aid.profileLink', { audience: CUSTOMERS }) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: CUSTOMERS })).toBeVisible();
  await expect(
    page.getByText(
      t('technographics.sourceLine', { source: 'Customer survey 2026', date: '' }).split(',')[0]!,
    ),
  ).toBeVisible();

  // management reads the profile and the suggested mix, but cannot change them
  await page.context().clearCookies();
  await logInAs(page, t, 'management');
  await page.goto('/audiences');
  await page.getByRole('link', { name: CUSTOMERS, exact: true }).click();
  const section = page.getByRole('region', { name: t('technographics.title') });
  const spectators = section.getByRole('row').filter({
    has: page.getByRole('rowheader', { name: t('technographics.groups.spectators'), exact: true }),
  });
  await expect(spectators).toContainText('68');
  await expect(
    section.getByRole('img', { name: t('technographics.mix.chartLabel') }),
  ).toBeVisible();
  await expect(section.getByRole('button')).toHaveCount(0);
  await expect(section.getByRole('spinbutton')).toHaveCount(0);
});
