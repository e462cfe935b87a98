import { firefoxUnderTest } from '../../harness/firefox/firefox-under-test';
import { describeBadgeScenarios } from '../../suites/badge-suite';

describeBadgeScenarios(firefoxUnderTest);
