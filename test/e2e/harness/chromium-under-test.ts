import { ReplicaServer } from '../replica/replica-server';
import type { BrowserUnderTest } from './browser-under-test';
import { recordRequests } from './browser-requests';
import { launchBrowser } from './launch-browser';
import { playwrightTab } from './tab-driver';

/** Chromium through Playwright (launch-browser.ts), for the cross-browser suites. */
export const chromiumUnderTest: BrowserUnderTest = {
  name: 'chromium',
  startReplica: () => ReplicaServer.start(),
  async launch(replica, options = {}) {
    const launched = await launchBrowser({ replicaPort: replica.port, ...options });
    return {
      profileDir: launched.profileDir,
      extension: launched.extension,
      newTab: async () => playwrightTab(await launched.context.newPage()),
      recordRequests: async () => recordRequests(launched.context),
      close: (closeOptions) => launched.close(closeOptions),
    };
  },
};
