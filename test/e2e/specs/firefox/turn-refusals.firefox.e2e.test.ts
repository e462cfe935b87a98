import { firefoxUnderTest } from '../../harness/firefox/firefox-under-test';
import { describeTurnRefusals } from '../../suites/turn-refusals-suite';

describeTurnRefusals(firefoxUnderTest);
