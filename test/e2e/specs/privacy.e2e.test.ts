import { chromiumUnderTest } from '../harness/chromium-under-test';
import { describePrivacy } from '../suites/privacy-suite';

describePrivacy(chromiumUnderTest);
