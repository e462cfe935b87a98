import type { MemoryView } from '../lib/view/memory-view';
import { t } from '../lib/extension/i18n';
import { agoText, countText } from './popup-format';
import { StatusTag } from './status-tag';

/**
 * How full memory is: "83% full" with a bar (filled by what is used), the token counts, and how old
 * the reading is. Nothing when memory was never read or its maximum is unknown (lib/view/memory-view.ts).
 */
export function MemoryGroup({ view, now }: { view: MemoryView | null; now: number }) {
  if (view === null) return null;
  const full = t('popup_memoryFull', [String(view.full)]);
  return (
    <section aria-labelledby="memory-heading" class="memory-group">
      <ul class="feature-list">
        <li class={`feature memory-item feature-${view.status}`}>
          <div class="feature-head">
            <h2 id="memory-heading" class="feature-name">
              {t('popup_memoryHeading')}
            </h2>
            <StatusTag status={view.status} />
            <span class="count">{full}</span>
          </div>
          <div
            class="meter"
            role="meter"
            aria-labelledby="memory-heading"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={view.full}
            aria-valuetext={full}
          >
            <div class="meter-fill" style={{ width: `${view.full}%` }} />
          </div>
          <p class="feature-detail">
            {t('popup_memoryTokens', [countText(view.usedTokens), countText(view.maxTokens)])} ·{' '}
            {t('popup_memorySeen', [agoText(view.seenAt, now)])}
          </p>
        </li>
      </ul>
    </section>
  );
}
