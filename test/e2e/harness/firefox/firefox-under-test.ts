import { ReplicaServer } from '../../replica/replica-server';
import type { BrowserUnderTest } from '../browser-under-test';
import { launchFirefox } from './launch-firefox';

/** Firefox ESR through puppeteer, for the cross-browser suites. */
export const firefoxUnderTest: BrowserUnderTest = {
  name: 'firefox',
  // On a free port, as for Chromium: Firefox reaches it through a proxy (replica-proxy.ts).
  startReplica: () => ReplicaServer.start(),
  launch: (replica, options) => launchFirefox({ ...options, replicaPort: replica.port }),
};
