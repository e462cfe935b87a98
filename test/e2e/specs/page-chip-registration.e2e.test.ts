import { chromiumUnderTest } from '../harness/chromium-under-test';
import { describePageChip } from '../suites/page-chip-suite';

describePageChip(chromiumUnderTest);
