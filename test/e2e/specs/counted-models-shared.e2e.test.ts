import { chromiumUnderTest } from '../harness/chromium-under-test';
import { describeCountedModels } from '../suites/counted-models-suite';

// The cross-browser suite (the Firefox spec runs the same); counted-models.e2e.test.ts adds what only Chromium's harness drives.
describeCountedModels(chromiumUnderTest);
