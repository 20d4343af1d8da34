import { createProgress, formatDuration } from '../../../bench/lib/progress';

describe('benchmark progress', () => {
  it('writes done, total, rate and ETA at most every interval, and a final line', () => {
    let clock = 0;
    const lines: string[] = [];
    const progress = createProgress({
      label: 'timeline walk',
      unit: 'pages',
      total: 1000,
      everyMs: 5_000,
      write: (l) => lines.push(l),
      now: () => clock,
    });
    clock = 1_000;
    progress.update(20);
    expect(lines).toEqual([]); // too soon
    clock = 5_000;
    progress.update(100, '5,000 recordings');
    clock = 7_000;
    progress.update(140);
    clock = 10_000;
    progress.update(200);
    clock = 50_000;
    progress.finish(1000);
    expect(lines).toEqual([
      'timeline walk: 100 of ~1,000 pages, 5,000 recordings, 20.0 pages/s, ETA 45s',
      'timeline walk: 200 of ~1,000 pages, 20.0 pages/s, ETA 40s',
      'timeline walk: 1,000 pages, 20.0 pages/s, done in 50s',
    ]);
  });

  it('spells durations for a person', () => {
    expect([8, 75, 600, 3725].map(formatDuration)).toEqual(['8s', '1m15s', '10m00s', '1h02m']);
  });
});
