import { Component } from 'preact';
import { AccountPicker } from '../../components/account-picker';
import { LazySection } from '../../components/lazy-section';
import type { PanelProps } from '../../components/panel-props';
import { PopupApp } from '../../components/popup-app';
import { featureLabel } from '../../lib/core/feature-names';
import { accountChoices, shownAccountKey } from '../../lib/view/popup-accounts';
import { popupView } from '../../lib/view/popup-view';
import type { QuotaState } from '../../lib/core/quota-state';
import type { Settings } from '../../lib/alerts/settings';
import { quotaStore } from '../../lib/extension/quota-store';
import { settingsStore } from '../../lib/extension/settings-store';
import { t } from '../../lib/extension/i18n';
import { CodexGroup } from '../../components/codex-group';
import { codexView } from '../../lib/view/codex-view';
import { CountedModels } from '../../components/counted-models';
import { countedModelViews } from '../../lib/view/counted-models';
import type { ModelCounts } from '../../lib/core/model-counts';
import { modelCountStore } from '../../lib/extension/model-count-store';

import { TICK_MS } from '../../lib/view/format-time';

interface Loaded {
  quota: { value: QuotaState; rejected: string | null };
  settings: Settings;
  counts: ModelCounts;
}

function load(): Promise<Loaded> {
  return Promise.all([quotaStore.read(), settingsStore.get(), modelCountStore.get()]).then(([quota, settings, counts]) => ({
    quota,
    settings,
    counts,
  }));
}

// Each view below the quotas is a chunk of its own, fetched when its section first opens.
const loadUsage = () => import('../../components/usage-panel').then((module) => module.UsagePanel);
const loadSettings = () => import('../../components/settings-panel').then((module) => module.SettingsPanel);
const loadDiagnostics = () => import('../../components/diagnostics-panel').then((module) => module.DiagnosticsPanel);

interface LivePopupState {
  loaded: Loaded | null;
  now: number;
  /** The account the user picked to look at; null follows the badge's. */
  wanted: string | null;
}

/**
 * The popup wired to storage: re-reads when the background stores a reading or the user changes
 * settings, and ticks. A class component: the popup's first chunk then needs no preact/hooks.
 */
export class LivePopup extends Component<object, LivePopupState> {
  override state: LivePopupState = { loaded: null, now: Date.now(), wanted: null };
  private timer: ReturnType<typeof setInterval> | undefined;
  private unwatch: (() => void)[] = [];

  // storage.local answers in the order it was asked, so the last reload carries the latest values.
  private reload = () => void load().then((loaded) => this.setState({ loaded, now: Date.now() }));

  private show = (wanted: string) => this.setState({ wanted });

  override componentDidMount() {
    this.unwatch = [quotaStore.watch(this.reload), settingsStore.watch(this.reload), modelCountStore.watch(this.reload)];
    this.reload();
    this.timer = setInterval(() => this.setState({ now: Date.now() }), TICK_MS);
  }

  override componentWillUnmount() {
    for (const stop of this.unwatch) stop();
    clearInterval(this.timer);
  }

  override render(_: object, { loaded, now, wanted }: LivePopupState) {
    // Nothing until storage answers (a few ms), rather than a flash of "no reading yet".
    if (loaded === null) return null;
    const state = loaded.quota.value;
    const shown = shownAccountKey(state, wanted);
    const view = popupView(state.accounts[shown], now, {
      label: (name) => featureLabel(name, t),
      lowThresholds: loaded.settings.lowThresholds,
    });
    const panel: PanelProps = { state, settings: loaded.settings, account: shown, now };
    return (
      <PopupApp
        view={view}
        now={now}
        storageProblem={loaded.quota.rejected}
        account={<AccountPicker choices={accountChoices(state)} shown={shown} onShow={this.show} />}
      >
        <CountedModels models={countedModelViews(loaded.counts, shown, loaded.settings, now)} account={shown} now={now} />
        <CodexGroup view={codexView(state.accounts[shown], now, loaded.settings.lowThresholds)} now={now} />
        <LazySection id="usage" title={t('popup_usageHeading')} load={loadUsage} panel={panel} />
        <LazySection id="settings" title={t('popup_settingsHeading')} load={loadSettings} panel={panel} />
        <LazySection id="diagnostics" title={t('popup_diagnosticsHeading')} load={loadDiagnostics} panel={panel} />
      </PopupApp>
    );
  }
}
