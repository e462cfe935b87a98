import { chromiumUnderTest } from '../harness/chromium-under-test';
import { describeHostilePage } from '../suites/hostile-page-suite';

describeHostilePage(chromiumUnderTest);
