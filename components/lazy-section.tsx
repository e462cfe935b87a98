import { Component, type ComponentType } from 'preact';
import { t } from '../lib/extension/i18n';
import type { PanelProps } from './panel-props';

export interface LazySectionProps {
  id: string;
  title: string;
  /** A dynamic import(): the view is its own chunk, fetched the first time the section opens. */
  load: () => Promise<ComponentType<PanelProps>>;
  panel: PanelProps;
}

interface LazySectionState {
  open: boolean;
  Panel?: ComponentType<PanelProps> | 'failed';
}

/**
 * A section that opens under its heading (a disclosure button: aria-expanded) and loads its view
 * only then, so that the popup's first paint carries only the quotas. A class component: the
 * popup's first chunk then needs no preact/hooks (about 1 KB gzip of its 20 KB budget).
 */
export class LazySection extends Component<LazySectionProps, LazySectionState> {
  override state: LazySectionState = { open: false };

  toggle = () => {
    this.setState({ open: !this.state.open });
    if (this.state.Panel === undefined) {
      this.props.load().then(
        (Panel) => this.setState({ Panel }),
        () => this.setState({ Panel: 'failed' }),
      );
    }
  };

  override render({ id, title, panel }: LazySectionProps, { open, Panel }: LazySectionState) {
    return (
      <section class="panel" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>
          <button type="button" class="panel-toggle" aria-expanded={open} aria-controls={`${id}-body`} onClick={this.toggle}>
            {title}
          </button>
        </h2>
        <div id={`${id}-body`} class="panel-body" hidden={!open}>
          {open && Panel === 'failed' && <p class="notice notice-warning">{t('popup_panelFailed')}</p>}
          {open && Panel !== undefined && Panel !== 'failed' && <Panel {...panel} />}
        </div>
      </section>
    );
  }
}
