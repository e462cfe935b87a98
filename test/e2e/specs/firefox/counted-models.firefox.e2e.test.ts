import { firefoxUnderTest } from '../../harness/firefox/firefox-under-test';
import { describeCountedModels } from '../../suites/counted-models-suite';

describeCountedModels(firefoxUnderTest);
