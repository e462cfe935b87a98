import { firefoxUnderTest } from '../../harness/firefox/firefox-under-test';
import { describePageInvisibility } from '../../suites/page-invisibility-suite';

describePageInvisibility(firefoxUnderTest);
