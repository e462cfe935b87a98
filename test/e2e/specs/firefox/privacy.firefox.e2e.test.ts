import { firefoxUnderTest } from '../../harness/firefox/firefox-under-test';
import { describePrivacy } from '../../suites/privacy-suite';

describePrivacy(firefoxUnderTest);
