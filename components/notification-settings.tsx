import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../lib/alerts/settings';
import { settingsStore } from '../lib/extension/settings-store';
import { t } from '../lib/extension/i18n';
import { notificationsAllowed, requestNotifications, watchPermissions } from '../lib/extension/notification-permission';
import { SettingSwitch } from './setting-switch';

/** Whether the optional permission is held now; it can be withdrawn at any time in the browser's settings. */
function useNotificationPermission(): [boolean | null, (granted: boolean) => void] {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    const check = () => void notificationsAllowed().then(setGranted);
    check();
    return watchPermissions(check);
  }, []);
  return [granted, setGranted];
}

function permissionText(granted: boolean | null, on: boolean): string {
  if (granted === null) return '';
  if (granted) return t('popup_permissionGranted');
  return on ? t('popup_permissionWithdrawn') : t('popup_permissionNotGranted');
}

/**
 * Notifications, off by default. Turning them on asks for the optional permission within the
 * click itself: browsers grant it only during the user's gesture, so nothing may be awaited first.
 */
export function NotificationSettings({ settings, onMessage }: { settings: Settings; onMessage: (text: string) => void }) {
  const [granted, setGranted] = useNotificationPermission();
  const turn = (on: boolean) => {
    if (!on) {
      void settingsStore.update((current) => ({ ...current, notifications: false }));
      return;
    }
    const asked = requestNotifications();
    onMessage('');
    asked
      .then((yes) => {
        setGranted(yes);
        if (!yes) return onMessage(t('popup_permissionRefused'));
        return settingsStore.update((current) => ({ ...current, notifications: true })).then(() => onMessage(t('popup_notificationsOn')));
      })
      .catch(() => onMessage(t('popup_permissionRefused')));
  };
  return (
    <>
      <SettingSwitch id="notifications" label={t('popup_notifications')} checked={settings.notifications} onChange={turn}>
        <p>{t('popup_notificationsHow')}</p>
        {granted !== null && (
          <p class={granted || !settings.notifications ? undefined : 'field-error'}>{permissionText(granted, settings.notifications)}</p>
        )}
      </SettingSwitch>
      <SettingSwitch
        id="refill"
        label={t('popup_refillNotifications')}
        checked={settings.refillNotifications}
        disabled={!settings.notifications}
        onChange={(on) => void settingsStore.update((current) => ({ ...current, refillNotifications: on }))}
      >
        <p>{t('popup_refillHow')}</p>
      </SettingSwitch>
      <SettingSwitch
        id="run-out"
        label={t('popup_runOutForecast')}
        checked={settings.runOutForecast}
        disabled={!settings.notifications}
        onChange={(on) => void settingsStore.update((current) => ({ ...current, runOutForecast: on }))}
      >
        <p>{t('popup_runOutForecastHow')}</p>
      </SettingSwitch>
      <SettingSwitch
        id="memory-notice"
        label={t('popup_memoryNotice')}
        checked={settings.memoryNotice}
        disabled={!settings.notifications}
        onChange={(on) => void settingsStore.update((current) => ({ ...current, memoryNotice: on }))}
      >
        <p>{t('popup_memoryNoticeHow')}</p>
      </SettingSwitch>
    </>
  );
}
