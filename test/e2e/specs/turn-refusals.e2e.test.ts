import { chromiumUnderTest } from '../harness/chromium-under-test';
import { describeTurnRefusals } from '../suites/turn-refusals-suite';

describeTurnRefusals(chromiumUnderTest);
