import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup-app';
import { featureLabel } from '../../lib/feature-names';
import { popupView } from '../../lib/popup-view';
import { activeAccountState, quotaStateFromStorage } from '../../lib/quota-state';
import { QUOTA_STATE_KEY, loadQuotaState } from '../../lib/extension/quota-store';
import { t } from '../../lib/extension/i18n';

/** Countdowns move on while the popup is open; a minute is their smallest unit. */
export const TICK_MS = 30_000;

type Stored = ReturnType<typeof quotaStateFromStorage>;

/** The popup wired to storage: re-reads on every change the background writes, and ticks. */
export function LivePopup() {
  const [stored, setStored] = useState<Stored | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const onChanged = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
      const change = changes[QUOTA_STATE_KEY];
      if (area !== 'local' || change === undefined) return;
      setStored(quotaStateFromStorage(change.newValue));
      setNow(Date.now());
    };
    browser.storage.onChanged.addListener(onChanged);
    void loadQuotaState().then((loaded) => setStored((current) => current ?? loaded));
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      clearInterval(timer);
    };
  }, []);
  // Nothing until storage answers (a few ms), rather than a flash of "no reading yet".
  if (stored === null) return null;
  const view = popupView(activeAccountState(stored.state), now, (name) => featureLabel(name, t));
  return <PopupApp view={view} now={now} storageProblem={stored.problem} />;
}
