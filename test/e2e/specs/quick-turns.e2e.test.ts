import { chromiumUnderTest } from '../harness/chromium-under-test';
import { describeQuickTurns } from '../suites/quick-turns-suite';

describeQuickTurns(chromiumUnderTest);
