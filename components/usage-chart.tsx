import { type FeatureUsage, chartBars, weekdayOf } from '../lib/view/popup-history';
import { t, uiLocale } from '../lib/extension/i18n';
import { countText } from './popup-format';

/** Bars in a 7-day strip as wide as the popup's content; room above for counts and below for days. */
const BOX = { width: 328, height: 40, gap: 10 };
const LABEL_ROOM = 14;

/**
 * Uses per day as small bars, today last. The drawing is hidden from screen readers, which read
 * the same numbers from a table instead (weekday and uses per row).
 */
export function UsageChart({ label, usage }: { label: string; usage: FeatureUsage }) {
  const locale = uiLocale();
  const bars = chartBars(
    usage.perDay.map(({ uses }) => uses),
    BOX,
  );
  const last = usage.perDay.length - 1;
  return (
    <>
      <svg
        class="usage-chart"
        viewBox={`0 ${-LABEL_ROOM} ${BOX.width} ${BOX.height + 2 * LABEL_ROOM}`}
        width={BOX.width}
        height={BOX.height + 2 * LABEL_ROOM}
        aria-hidden="true"
        focusable="false"
      >
        <line class="usage-baseline" x1={0} x2={BOX.width} y1={BOX.height + 0.5} y2={BOX.height + 0.5} />
        {bars.map((bar, index) => {
          const day = usage.perDay[index]!;
          return (
            <g key={day.day} class={index === last ? 'usage-today' : undefined}>
              {bar.height > 0 && <rect class="usage-bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height} rx={2} />}
              {day.uses > 0 && (
                <text class="usage-count" x={bar.center} y={bar.y - 3} text-anchor="middle">
                  {countText(day.uses)}
                </text>
              )}
              <text class="usage-day" x={bar.center} y={BOX.height + LABEL_ROOM - 2} text-anchor="middle">
                {weekdayOf(day.day, locale, 'short')}
              </text>
            </g>
          );
        })}
      </svg>
      <table class="visually-hidden">
        <caption>{t('popup_usageTableCaption', [label])}</caption>
        <tbody>
          {usage.perDay.map(({ day, uses }, index) => (
            <tr key={day}>
              <th scope="row">{index === last ? t('popup_usageToday') : weekdayOf(day, locale, 'long')}</th>
              <td>{countText(uses)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
