// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Settings, defaultSettings } from '../../../lib/alerts/settings';
import { type FakePermissions, installFakePermissions } from './fake-permissions';
import { closePopup, openPopup, openSection, quotaState, settle, stored } from './open-popup';
import { account, feature } from './popup-states';

let permissions: FakePermissions;
beforeEach(() => {
  permissions = installFakePermissions();
});
afterEach(() => {
  closePopup();
  permissions.uninstall();
});

const readings = quotaState(
  {
    default: account([
      feature('image_gen', 40, { maxSeen: 120 }),
      feature('file_upload', 50, { maxSeen: 80 }),
      feature('quantum_canvas', 5),
    ]),
  },
  'default',
);

async function openSettings(settings: Settings = defaultSettings()): Promise<HTMLElement> {
  const root = await openPopup({ quotaState: readings, settings });
  return openSection(root, 'Settings');
}

function switchNamed(panel: HTMLElement, name: string): HTMLButtonElement {
  const found = [...panel.querySelectorAll<HTMLButtonElement>('[role="switch"]')].find(
    (button) => document.getElementById(button.getAttribute('aria-labelledby') ?? '')?.textContent === name,
  );
  if (!found) throw new Error(`no switch ${name}`);
  return found;
}

async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  select.value = value;
  await act(() => void select.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
}

async function type(input: HTMLInputElement, text: string): Promise<void> {
  input.value = text;
  await act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
  await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
}

describe('settings: the badge feature', () => {
  it('offers image_gen first, every feature seen by its readable name, and no number; stores the choice', async () => {
    const panel = await openSettings();
    const select = panel.querySelector<HTMLSelectElement>('#badge-feature')!;
    expect(panel.querySelector('label[for="badge-feature"]')?.textContent).toBe('Badge shows');
    expect([...select.options].map((option) => option.textContent)).toEqual([
      'Image generations',
      'File uploads',
      'Unknown: quantum_canvas',
      'No number',
    ]);
    expect(select.value).toBe('image_gen');

    await choose(select, 'file_upload');
    expect((await stored<Settings>('settings')).badgeFeature).toBe('file_upload');
    await choose(select, '');
    expect((await stored<Settings>('settings')).badgeFeature).toBeNull();
  });
});

describe('settings: low thresholds', () => {
  function field(panel: HTMLElement, label: string): HTMLInputElement {
    const labelElement = [...panel.querySelectorAll('.threshold label')].find((element) => element.textContent === label)!;
    return panel.querySelector<HTMLInputElement>(`#${labelElement.getAttribute('for')}`)!;
  }

  it('shows each default as the placeholder: 10 for images, else a fifth of the most seen', async () => {
    const panel = await openSettings();
    expect(panel.querySelector('fieldset legend')?.textContent).toBe('Low at or below');
    expect(
      ['Image generations', 'File uploads', 'Unknown: quantum_canvas'].map((label) => [
        field(panel, label).placeholder,
        field(panel, label).value,
      ]),
    ).toEqual([
      ['10', ''],
      ['16', ''],
      ['1', ''],
    ]);
  });

  it('stores a whole number, and removes it when emptied so that the default applies', async () => {
    const panel = await openSettings();
    await type(field(panel, 'File uploads'), ' 25 ');
    expect((await stored<Settings>('settings')).lowThresholds).toEqual({ file_upload: 25 });
    await type(field(panel, 'File uploads'), '');
    expect((await stored<Settings>('settings')).lowThresholds).toEqual({});
  });

  it('refuses what is not a whole number from 0, says why next to the field and keeps the typed text', async () => {
    const panel = await openSettings({ ...defaultSettings(), lowThresholds: { image_gen: 12 } });
    const input = field(panel, 'Image generations');
    expect(input.value).toBe('12');
    await type(input, '-3');
    expect(input.value).toBe('-3');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Enter a whole number, 0 or more, or leave empty for the default.',
    );
    expect((await stored<Settings>('settings')).lowThresholds).toEqual({ image_gen: 12 });

    await type(input, '8');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect((await stored<Settings>('settings')).lowThresholds).toEqual({ image_gen: 8 });
  });
});

describe('settings: notifications', () => {
  it('asks for the permission within the click itself, and turns them on once granted', async () => {
    const panel = await openSettings();
    const toggle = switchNamed(panel, 'Notifications');
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(panel.querySelector('#notifications-details')?.textContent).toContain('Browser permission: not granted');

    await act(() => toggle.click());
    expect(permissions.requests).toEqual([{ permissions: ['notifications'], duringClick: true }]);
    expect((await stored<Settings>('settings')).notifications).toBe(false);

    await permissions.answer(true);
    await settle();
    expect((await stored<Settings>('settings')).notifications).toBe(true);
    expect(switchNamed(panel, 'Notifications').getAttribute('aria-checked')).toBe('true');
    expect(panel.querySelector('#notifications-details')?.textContent).toContain('Browser permission: granted.');
    expect(panel.querySelector('[role="status"]')?.textContent).toBe('Notifications are on.');
  });

  it('says so when the browser refuses, and keeps them off', async () => {
    const panel = await openSettings();
    await act(() => switchNamed(panel, 'Notifications').click());
    await permissions.answer(false);
    await settle();
    expect((await stored<Settings>('settings')).notifications).toBe(false);
    expect(panel.querySelector('[role="status"]')?.textContent).toBe('The browser did not grant the permission: notifications stay off.');
  });

  it('turns them off without asking anything', async () => {
    permissions = installFakePermissions(true);
    const panel = await openSettings({ ...defaultSettings(), notifications: true });
    await act(() => switchNamed(panel, 'Notifications').click());
    await settle();
    expect(permissions.requests).toEqual([]);
    expect((await stored<Settings>('settings')).notifications).toBe(false);
  });

  it('warns when they are on but the permission was withdrawn', async () => {
    permissions = installFakePermissions(true);
    const panel = await openSettings({ ...defaultSettings(), notifications: true });
    expect(panel.querySelector('#notifications-details')?.textContent).toContain('Browser permission: granted.');
    await permissions.withdraw();
    await settle();
    expect(panel.querySelector('#notifications-details .field-error')?.textContent).toBe(
      'The browser permission was withdrawn, so none can be shown: turn this off and on again to grant it.',
    );
  });

  it('offers reset notifications only while notifications are on', async () => {
    const off = await openSettings();
    expect(switchNamed(off, 'Reset notifications').disabled).toBe(true);
    closePopup();

    permissions = installFakePermissions(true);
    const on = await openSettings({ ...defaultSettings(), notifications: true });
    const refill = switchNamed(on, 'Reset notifications');
    expect([refill.disabled, refill.getAttribute('aria-checked')]).toEqual([false, 'true']);
    await act(() => refill.click());
    await settle();
    expect((await stored<Settings>('settings')).refillNotifications).toBe(false);
  });

  it('offers the run-out forecast, off by default, only while notifications are on', async () => {
    const off = await openSettings();
    expect(switchNamed(off, 'Run-out forecast').disabled).toBe(true);
    closePopup();

    permissions = installFakePermissions(true);
    const on = await openSettings({ ...defaultSettings(), notifications: true });
    const forecast = switchNamed(on, 'Run-out forecast');
    expect([forecast.disabled, forecast.getAttribute('aria-checked')]).toEqual([false, 'false']);
    await act(() => forecast.click());
    await settle();
    expect((await stored<Settings>('settings')).runOutForecast).toBe(true);
  });
});

describe('settings: the chip on chatgpt.com', () => {
  it('is off by default and turns on with a click on its label too', async () => {
    const panel = await openSettings();
    const chip = switchNamed(panel, 'Chip on chatgpt.com');
    expect(chip.getAttribute('aria-checked')).toBe('false');
    expect(chip.getAttribute('aria-describedby')).toBe('page-chip-details');
    await act(() => panel.querySelector<HTMLLabelElement>('label[for="page-chip"]')!.click());
    await settle();
    expect((await stored<Settings>('settings')).pageChip).toBe(true);
    expect(switchNamed(panel, 'Chip on chatgpt.com').getAttribute('aria-checked')).toBe('true');
  });
});
