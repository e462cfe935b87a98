import { chromiumUnderTest } from '../harness/chromium-under-test';
import { describePageInvisibility } from '../suites/page-invisibility-suite';

describePageInvisibility(chromiumUnderTest);
