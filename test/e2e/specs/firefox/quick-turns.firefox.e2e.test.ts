import { firefoxUnderTest } from '../../harness/firefox/firefox-under-test';
import { describeQuickTurns } from '../../suites/quick-turns-suite';

describeQuickTurns(firefoxUnderTest);
