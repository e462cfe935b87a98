import { firefoxUnderTest } from '../../harness/firefox/firefox-under-test';
import { describePageChip } from '../../suites/page-chip-suite';

describePageChip(firefoxUnderTest);
