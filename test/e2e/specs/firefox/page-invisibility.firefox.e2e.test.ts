import { firefoxUnderTest } from '../../harness/firefox/firefox-under-test';
import { describePageInvisibility } from '../../suites/page-invisibility-suite';

// The first chunk is held to the same 50 ms as in Chromium: a wrapper that held the stream back would
// move it. The last chunk's median in headless Firefox swung both ways on a loaded 2-core machine
// (measured in two runs: 571 ms with the extension vs 451 ms without, then 589 vs 703), so its bound
// is wider; the bytes are still checked exactly.
describePageInvisibility(firefoxUnderTest, { firstChunkAt: 50, lastChunkAt: 200 });
