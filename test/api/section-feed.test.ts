import { describe, expect, it } from 'vitest';
import { sectionFeed } from '../../src/api/section-feed.js';

/** Which of `names` have resolved after the queued callbacks ran. */
async function settled(feed: ReturnType<typeof sectionFeed>, names: (string | null)[]): Promise<(string | null)[]> {
  const done: (string | null)[] = [];
  for (const n of names) void feed.ready(n).then(() => done.push(n));
  await new Promise((resolve) => setImmediate(resolve));
  return names.filter((n) => done.includes(n));
}

describe('sectionFeed', () => {
  it('resolves null at once, a section when it is done, and an unknown name when every section is done', async () => {
    const feed = sectionFeed(['indicators', 'spatial']);
    expect(await settled(feed, [null, 'indicators', 'spatial', 'bulletin'])).toEqual([null]);
    feed.done('indicators');
    expect(await settled(feed, [null, 'indicators', 'spatial', 'bulletin'])).toEqual([null, 'indicators']);
    feed.done('spatial');
    expect(await settled(feed, [null, 'indicators', 'spatial', 'bulletin'])).toEqual([
      null,
      'indicators',
      'spatial',
      'bulletin',
    ]);
  });

  it('all() releases every wait, done or not (an analysis failed): nothing is left waiting', async () => {
    const feed = sectionFeed(['indicators', 'spatial', 'tension']);
    const waiting = [feed.ready('spatial'), feed.ready('tension'), feed.ready('other')];
    feed.done('indicators');
    feed.all();
    await expect(Promise.all(waiting)).resolves.toEqual([undefined, undefined, undefined]);
    feed.done('spatial'); // a late announcement changes nothing
    await expect(feed.ready('spatial')).resolves.toBeUndefined();
  });
});
