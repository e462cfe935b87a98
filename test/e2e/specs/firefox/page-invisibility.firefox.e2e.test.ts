import { firefoxUnderTest } from '../../harness/firefox/firefox-under-test';
import { describePageInvisibility } from '../../suites/page-invisibility-suite';

// The first chunk is held to the same 50 ms both ways as in Chromium: a wrapper that held the stream
// back would move it. The last chunk's median in headless Firefox swung both ways on the shared
// 2-core machine (three runs, with the extension minus without: +120, -114 and -228 ms), so only
// "later with the extension" is bounded there, at 200 ms; the bytes are still compared exactly.
describePageInvisibility(firefoxUnderTest, {
  firstChunkAt: { slower: 50, faster: 50 },
  lastChunkAt: { slower: 200, faster: Number.POSITIVE_INFINITY },
});
