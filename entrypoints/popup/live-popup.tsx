import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup-app';
import { featureLabel } from '../../lib/feature-names';
import { popupView } from '../../lib/popup-view';
import { activeAccountState, quotaStateFromStorage } from '../../lib/quota-state';
import type { Settings } from '../../lib/settings';
import { QUOTA_STATE_KEY, loadQuotaState } from '../../lib/extension/quota-store';
import { settingsStore } from '../../lib/extension/settings-store';
import { t } from '../../lib/extension/i18n';

/** Countdowns move on while the popup is open; a minute is their smallest unit. */
export const TICK_MS = 30_000;

interface Loaded {
  quota: ReturnType<typeof quotaStateFromStorage>;
  settings: Settings;
}

function load(): Promise<Loaded> {
  return Promise.all([loadQuotaState(), settingsStore.get()]).then(([quota, settings]) => ({ quota, settings }));
}

/** The popup wired to storage: re-reads when the background stores a reading or the user changes settings, and ticks. */
export function LivePopup() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    // storage.local answers in the order it was asked, so the last reload carries the latest values.
    const reload = () =>
      void load().then((next) => {
        setLoaded(next);
        setNow(Date.now());
      });
    const onChanged = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
      if (area === 'local' && (QUOTA_STATE_KEY in changes || settingsStore.key in changes)) reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    reload();
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      clearInterval(timer);
    };
  }, []);
  // Nothing until storage answers (a few ms), rather than a flash of "no reading yet".
  if (loaded === null) return null;
  const view = popupView(activeAccountState(loaded.quota.state), now, {
    label: (name) => featureLabel(name, t),
    lowThresholds: loaded.settings.lowThresholds,
  });
  return <PopupApp view={view} now={now} storageProblem={loaded.quota.problem} />;
}
