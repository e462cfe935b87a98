import { captureAsOf, quotaEventData } from './captures';

/**
 * One Plus account's reading with `imagesLeft` image generations: the quota event of the real
 * Plus turn (2026-04: deep_research, odyssey, file_upload, paste_text_to_file, image_gen) as if
 * taken now, with only the image count changed. Sessions built on it stay one plausible account.
 */
export function plusReading(now: number, imagesLeft: number): string {
  const captured = quotaEventData(captureAsOf('stream_image_gen_turn_plus_2026-04.sse.txt', now));
  const imageCount = /("feature_name": "image_gen", "remaining": )\d+/;
  if (!imageCount.test(captured)) throw new Error('the Plus capture has no image_gen count');
  return captured.replace(imageCount, `$1${imagesLeft}`);
}
