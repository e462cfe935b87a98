import { useState } from 'preact/hooks';
import { formatLocalTime } from '../lib/view/format-time';
import { diagnosticsReport } from '../lib/view/popup-diagnostics';
import { diagnosticsStore } from '../lib/extension/diagnostics-log';
import { extensionVersion } from '../lib/extension/extension-version';
import { lastFindingsStore } from '../lib/extension/last-findings-store';
import { t, uiLocale } from '../lib/extension/i18n';
import type { PanelProps } from './panel-props';
import { useStoredValue } from './use-stored-value';

function NameList({ heading, names }: { heading: string; names: string[] }) {
  return (
    <>
      <h3 class="diagnostics-heading">{heading}</h3>
      {names.length === 0 ? (
        <p class="panel-note">{t('popup_diagnosticsNone')}</p>
      ) : (
        <ul class="name-list">
          {names.map((name) => (
            <li key={name}>
              <code>{name}</code>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * What a bug report needs, and nothing else: the version, the last quota finding of each carrier
 * (quota fields only, as stored), names the parser did not know, and why readings were ignored.
 */
export function DiagnosticsPanel({ state, now }: PanelProps) {
  const lastFindings = useStoredValue(lastFindingsStore);
  const ignored = useStoredValue(diagnosticsStore);
  const [copied, setCopied] = useState('');
  if (lastFindings === null || ignored === null) return null;
  const report = diagnosticsReport(extensionVersion(), state, lastFindings, ignored);
  const copy = () =>
    navigator.clipboard.writeText(JSON.stringify(report, null, 2)).then(
      () => setCopied(t('popup_copied')),
      () => setCopied(t('popup_copyFailed')),
    );
  const locale = uiLocale();
  return (
    <>
      <p class="panel-note">{t('popup_diagnosticsWhat')}</p>
      <p class="diagnostics-version">{t('popup_version', [report.extensionVersion])}</p>
      <NameList heading={t('popup_unknownFields')} names={report.drift.unknownFields} />
      <NameList heading={t('popup_unknownFeatures')} names={report.drift.unknownFeatures} />
      <h3 class="diagnostics-heading">{t('popup_ignoredReadings')}</h3>
      {ignored.length === 0 ? (
        <p class="panel-note">{t('popup_diagnosticsNone')}</p>
      ) : (
        <ul class="ignored-list">
          {ignored.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <span class="ignored-time">{formatLocalTime(entry.at, now, locale)}</span> <code>{entry.where}</code> {entry.reason}
            </li>
          ))}
        </ul>
      )}
      <h3 class="diagnostics-heading" id="last-findings-heading">
        {t('popup_lastFindings')}
      </h3>
      {Object.keys(lastFindings).length === 0 ? (
        <p class="panel-note">{t('popup_diagnosticsNone')}</p>
      ) : (
        // Focusable so that it scrolls from the keyboard too.
        <pre class="findings" tabIndex={0} aria-labelledby="last-findings-heading">
          {JSON.stringify(lastFindings, null, 2)}
        </pre>
      )}
      <div class="copy-row">
        <button type="button" class="button" onClick={copy}>
          {t('popup_copyReport')}
        </button>
        <span role="status" class="panel-status">
          {copied}
        </span>
      </div>
    </>
  );
}
