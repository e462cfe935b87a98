import { chromiumUnderTest } from '../harness/chromium-under-test';
import { describeBadgeScenarios } from '../suites/badge-suite';

describeBadgeScenarios(chromiumUnderTest);
