import { firefoxUnderTest } from '../../harness/firefox/firefox-under-test';
import { describePopupStates } from '../../suites/popup-states-suite';

describePopupStates(firefoxUnderTest);
