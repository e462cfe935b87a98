import { t } from '../lib/extension/i18n';

/** Before the first reading: how to get one. Quotas only arrive with the site's own answers. */
export function NoReading() {
  return (
    <section class="no-reading" aria-labelledby="no-reading-heading">
      <h2 id="no-reading-heading">{t('popup_noReadingTitle')}</h2>
      <p>{t('popup_noReadingHow')}</p>
      <p>{t('popup_noReadingReload')}</p>
      <a class="button" href="https://chatgpt.com/" target="_blank" rel="noreferrer">
        {t('popup_openChatGPT')}
      </a>
    </section>
  );
}
