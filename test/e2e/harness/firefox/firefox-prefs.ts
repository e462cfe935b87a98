/**
 * The preferences of every Firefox profile the suite starts. Each replaces a Chromium flag or
 * a step a user would take (docs/testing.md, "End-to-end in Firefox").
 */

/** The gecko id of wxt.config.ts: the packed extension is named after it in the profile. */
export const GECKO_ID = 'quota-meter@quota-meter.github.io';

/** Firefox gives each extension a random internal UUID per profile; pinned, the popup has a known URL. */
export const EXTENSION_UUID = '5d1f3a52-8c0e-4b8e-9f57-2a6c41e0b7d3';

export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Names only, no port: the replica listens on 443 for Firefox. */
export const FIREFOX_REPLICA_PORT = 443;

export const firefoxPrefs: Record<string, unknown> = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
  // chatgpt.com and ws.chatgpt.com resolve to 127.0.0.1 (Firefox's --host-resolver-rules).
  'network.dns.localDomains': 'chatgpt.com,ws.chatgpt.com',
  // The extension is installed as a file in the profile (packed-extension.ts), as an installed
  // add-on is, so that it is still there after a restart; ESR honours this pref for unsigned files.
  'xpinstall.signatures.required': false,
  'extensions.autoDisableScopes': 0,
  'extensions.enabledScopes': 15,
  // No update or telemetry traffic beside what the suite looks at.
  'extensions.update.enabled': false,
  'app.update.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
};
