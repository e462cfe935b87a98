import { readFirstPaint } from '../../../lib/extension/first-paint-read';

/**
 * The popup's floor (measure 4): the least a page of this extension can do to show a stored count.
 * One small module, bundled on its own into the bench's build (popup-floor.ts), never the shipped
 * one: it marks its start as main.tsx does (popup-watch.js notes the `lang` change), asks storage
 * with the popup's own first read (lib/extension/first-paint-read.ts), then writes one line with
 * the image count it read. What the popup takes beyond this page is what its own size, evaluation
 * and rendering add; what this page takes beyond a bare page, no popup of this design can avoid:
 * loading one module and one round trip to storage.
 */
document.documentElement.lang = 'en';
void readFirstPaint().then((first) => {
  const account = first === null ? undefined : first.quota.accounts[first.quota.activeAccount];
  const item = document.createElement('li');
  item.textContent = `image_gen ${account?.features['image_gen']?.remaining ?? 'unknown'}`;
  const list = document.createElement('ul');
  list.append(item);
  document.querySelector('main')?.append(list);
});
