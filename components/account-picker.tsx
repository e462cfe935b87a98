import { type AccountChoice, accountLabel, planLabel } from '../lib/view/popup-accounts';
import { t } from '../lib/extension/i18n';

function accountText(choice: AccountChoice): string {
  return choice.plan === null ? accountLabel(choice, t) : `${accountLabel(choice, t)} · ${planLabel(choice.plan)}`;
}

/**
 * Which account the popup shows. With one account, a line (its plan when known); with several,
 * a select to look at another one, and which one the badge follows: looking never moves the badge.
 */
export function AccountPicker({ choices, shown, onShow }: { choices: AccountChoice[]; shown: string; onShow: (key: string) => void }) {
  const current = choices.find((choice) => choice.key === shown);
  if (current === undefined) return null;
  if (choices.length === 1) {
    // Readings of an unidentified account need no name: the plan says all there is.
    const words = current.number === null ? current.plan && t('popup_plan', [planLabel(current.plan)]) : accountText(current);
    return words ? <p class="plan">{words}</p> : null;
  }
  const followed = choices.find((choice) => choice.followedByBadge);
  return (
    <>
      <p class="account">
        <label for="account-select">{t('popup_accountSelect')}</label>
        <select id="account-select" value={shown} onChange={(event) => onShow(event.currentTarget.value)}>
          {choices.map((choice) => (
            <option key={choice.key} value={choice.key}>
              {choice.followedByBadge ? t('popup_accountOnBadge', [accountText(choice)]) : accountText(choice)}
            </option>
          ))}
        </select>
      </p>
      <p class="plan">
        {current.followedByBadge || followed === undefined
          ? t('popup_badgeFollowsShown')
          : t('popup_badgeFollowsOther', [accountLabel(followed, t)])}
      </p>
    </>
  );
}
