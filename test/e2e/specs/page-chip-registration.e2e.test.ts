import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumUnderTest } from '../harness/chromium-under-test';
import { builtExtensionDir } from '../harness/extension-build';
import type { ExtensionGlobal } from '../harness/extension-under-test';
import { launchBrowser, type LaunchedBrowser } from '../harness/launch-browser';
import { ReplicaServer } from '../replica/replica-server';
import { describePageChip } from '../suites/page-chip-suite';

describePageChip(chromiumUnderTest);

/**
 * What Chromium's install prompt says of the built manifest, asked of Chromium itself
 * (management.getPermissionWarningsByManifest, which needs no permission): `scripting` and the
 * host_permissions the chip's registration needs add no warning to what the content scripts'
 * matches already show (docs/permissions.md).
 */
describe("Chromium's install prompt", () => {
  let replica: ReplicaServer;
  let launched: LaunchedBrowser;
  beforeAll(async () => {
    replica = await ReplicaServer.start();
    launched = await launchBrowser({ replicaPort: replica.port, withExtension: true });
  });
  afterAll(async () => {
    await launched?.close();
    await replica?.close();
  });

  async function warningsOf(manifest: Record<string, unknown>): Promise<string[]> {
    const worker = await launched.extension!.worker();
    // Plain names: a manifest given as text has no _locales to resolve __MSG_ names from.
    const plain = { ...manifest, name: 'Quota Meter', description: 'Quota Meter', default_locale: undefined, action: {} };
    return worker.evaluate(
      (text) => (globalThis as ExtensionGlobal).chrome.management.getPermissionWarningsByManifest(text),
      JSON.stringify(plain),
    );
  }

  it('shows the same warnings with scripting and host_permissions as without them', async () => {
    const built = JSON.parse(readFileSync(path.join(builtExtensionDir(), 'manifest.json'), 'utf8')) as Record<string, unknown> & {
      permissions: string[];
    };
    const before = { ...built, permissions: built.permissions.filter((name) => name !== 'scripting'), host_permissions: undefined };
    const warnings = await warningsOf(built);
    expect(warnings).toEqual(await warningsOf(before));
    expect(warnings).toEqual(['Read and change your data on chat.openai.com and chatgpt.com']);
  });
});
