import { Component } from 'preact';
import { AccountPicker } from '../../components/account-picker';
import { LazySection } from '../../components/lazy-section';
import type { PanelProps } from '../../components/panel-props';
import { PopupApp } from '../../components/popup-app';
import { featureLabel } from '../../lib/core/feature-names';
import { accountChoices, shownAccountKey } from '../../lib/view/popup-accounts';
import { popupView } from '../../lib/view/popup-view';
import type { FirstPaint } from '../../lib/extension/first-paint-read';
import { t } from '../../lib/extension/i18n';
import type { CheckedRead } from './checked-read';
import { CodexGroup } from '../../components/codex-group';
import { codexView } from '../../lib/view/codex-view';
import { CountedModels } from '../../components/counted-models';
import { countedModelViews } from '../../lib/view/counted-models';
import type { ModelCounts } from '../../lib/core/model-counts';
import { MemoryGroup } from '../../components/memory-group';
import { memoryView } from '../../lib/view/memory-view';

import { TICK_MS } from '../../lib/view/format-time';

/**
 * Runs `task` once the frame now being prepared has been painted: a frame callback comes before
 * that frame's paint, and a task queued from it runs after. A popup that is not shown gets no frame
 * callback; the timeout then runs it anyway.
 */
function afterNextPaint(task: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    task();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, AFTER_PAINT_FALLBACK_MS);
}
/** Far longer than a frame; only a popup that paints no frame waits this long for the checked read. */
const AFTER_PAINT_FALLBACK_MS = 250;

interface Loaded extends Omit<CheckedRead, 'counts'> {
  /** False for the first frame, read with a version check only (lib/extension/first-paint-read.ts). */
  checked: boolean;
  /** The models counted in this browser: null in the first frame, read with the checked read. */
  counts: ModelCounts | null;
}

// The stores and their schemas (zod): a chunk of their own, fetched while the first frame paints.
const loadChecked = () => import('./checked-read');

// Each view below the quotas is a chunk of its own, fetched when its section first opens.
const loadUsage = () => import('../../components/usage-panel').then((module) => module.UsagePanel);
const loadSettings = () => import('../../components/settings-panel').then((module) => module.SettingsPanel);
const loadDiagnostics = () => import('../../components/diagnostics-panel').then((module) => module.DiagnosticsPanel);

interface LivePopupProps {
  /**
   * The first frame's values, read with a version check only, as soon as the popup's code starts
   * (entrypoints/popup/first-read.ts); null, or none, paints first from the checked read.
   */
  firstPaint?: Promise<FirstPaint | null>;
}

interface LivePopupState {
  loaded: Loaded | null;
  now: number;
  /** The account the user picked to look at; null follows the badge's. */
  wanted: string | null;
}

/**
 * The popup wired to storage: paints the first frame from the values the background validated
 * (a version check only), then reads them again through the stores and re-reads when the background
 * stores a reading or the user changes settings, and ticks. A class component: the popup's first
 * chunk then needs no preact/hooks.
 */
export class LivePopup extends Component<LivePopupProps, LivePopupState> {
  override state: LivePopupState = { loaded: null, now: Date.now(), wanted: null };
  private timer: ReturnType<typeof setInterval> | undefined;
  private unwatch: (() => void)[] = [];

  private unmounted = false;

  // storage.local answers in the order it was asked, so the last reload carries the latest values.
  private reload = () =>
    void loadChecked()
      .then(({ readChecked }) => readChecked())
      .then((read) => this.setState({ loaded: { ...read, checked: true }, now: Date.now() }));

  private show = (wanted: string) => this.setState({ wanted });

  override componentDidMount() {
    // The checked read's chunk is asked for once the first frame is painted, not merely in the
    // DOM: fetched and compiled (zod) between the two, it would hold the paint of the counts back.
    void (this.props.firstPaint ?? Promise.resolve(null)).then((first) => {
      if (first === null) return this.watchChecked();
      this.setState(
        { loaded: { quota: { value: first.quota, rejected: null }, settings: first.settings, counts: null, checked: false } },
        () => afterNextPaint(this.watchChecked),
      );
    });
    this.timer = setInterval(() => this.setState({ now: Date.now() }), TICK_MS);
  }

  private watching = false;

  private watchChecked = () => {
    if (this.watching) return;
    this.watching = true;
    void loadChecked().then(({ watchStored }) => {
      if (this.unmounted) return;
      this.unwatch.push(watchStored(this.reload));
      this.reload();
    });
  };

  /**
   * A first frame whose state the version check let through but a view cannot render (only a
   * corrupted profile writes that): nothing is shown until the checked read, which replaces it.
   */
  override componentDidCatch(error: unknown) {
    if (this.state.loaded?.checked !== false) throw error;
    this.setState({ loaded: null });
    this.watchChecked();
  }

  override componentWillUnmount() {
    this.unmounted = true;
    for (const stop of this.unwatch) stop();
    clearInterval(this.timer);
  }

  override render(_: LivePopupProps, { loaded, now, wanted }: LivePopupState) {
    // Nothing until storage answers (a few ms), rather than a flash of "no reading yet".
    if (loaded === null) return null;
    if (loaded.checked) return this.frame(loaded, now, wanted);
    // The first frame's views are derived here, outside componentDidCatch's reach.
    try {
      return this.frame(loaded, now, wanted);
    } catch {
      return null;
    }
  }

  private frame(loaded: Loaded, now: number, wanted: string | null) {
    const state = loaded.quota.value;
    const shown = shownAccountKey(state, wanted);
    const counted = loaded.counts ? countedModelViews(loaded.counts, shown, loaded.settings, now, state.accounts[shown]) : null;
    const view = popupView(state.accounts[shown], now, {
      label: (name) => featureLabel(name, t),
      lowThresholds: loaded.settings.lowThresholds,
      // Where the server counts a model itself, the local count sits in the details of its meter.
      countedHere: Object.fromEntries(
        (counted ?? []).flatMap((model) => (model.ledBy === null ? [] : [[model.ledBy, { model: model.name, counts: model.counts }]])),
      ),
    });
    const panel: PanelProps = { state, settings: loaded.settings, account: shown, now };
    return (
      <PopupApp
        view={view}
        now={now}
        storageProblem={loaded.quota.rejected}
        account={<AccountPicker choices={accountChoices(state)} shown={shown} onShow={this.show} />}
        groups={
          <>
            <CodexGroup view={codexView(state.accounts[shown], now, loaded.settings.lowThresholds)} now={now} />
            <MemoryGroup view={memoryView(state.accounts[shown], now, loaded.settings.lowThresholds)} now={now} />
          </>
        }
      >
        {counted && (
          <CountedModels
            models={counted}
            now={now}
            onReset={(slug) => void loadChecked().then(({ resetCounts }) => resetCounts(shown, slug))}
          />
        )}
        <LazySection id="usage" title={t('popup_usageHeading')} load={loadUsage} panel={panel} />
        <LazySection id="settings" title={t('popup_settingsHeading')} load={loadSettings} panel={panel} />
        <LazySection id="diagnostics" title={t('popup_diagnosticsHeading')} load={loadDiagnostics} panel={panel} />
      </PopupApp>
    );
  }
}
