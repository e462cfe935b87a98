import { ReplicaServer } from '../../replica/replica-server';
import type { BrowserUnderTest } from '../browser-under-test';
import { FIREFOX_REPLICA_PORT } from './firefox-prefs';
import { launchFirefox } from './launch-firefox';

/** Firefox ESR through puppeteer, for the cross-browser suites. */
export const firefoxUnderTest: BrowserUnderTest = {
  name: 'firefox',
  startReplica: () => ReplicaServer.start({ port: FIREFOX_REPLICA_PORT }),
  launch: (_replica, options) => launchFirefox(options),
};
