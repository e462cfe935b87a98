import { firefoxUnderTest } from '../../harness/firefox/firefox-under-test';
import { describeHostilePage } from '../../suites/hostile-page-suite';

describeHostilePage(firefoxUnderTest);
