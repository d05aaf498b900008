import { describe, expect, it } from 'vitest';
import { checkFence, distanceM, formatDistance } from './fence';

const fence = { lat: 25.53, lng: 102.4, radiusM: 500 };

describe('geofence on the phone', () => {
  it('measures distances as the server does (within a metre or two)', () => {
    expect(distanceM(fence, fence)).toBe(0);
    // 0.001° of latitude is about 111 m anywhere.
    expect(distanceM(fence, { lat: 25.531, lng: 102.4 })).toBeGreaterThan(110);
    expect(distanceM(fence, { lat: 25.531, lng: 102.4 })).toBeLessThan(112);
    // The API test's field check-in point is about 12.7 km away.
    expect(Math.round(distanceM(fence, { lat: 25.6, lng: 102.5 }) / 100)).toBe(127);
  });

  it('is inside within the radius plus the reported accuracy', () => {
    expect(checkFence({ lat: 25.5301, lng: 102.4002, accuracyM: 20 }, fence).inside).toBe(true);
    expect(checkFence({ lat: 25.535, lng: 102.4 }, fence).inside).toBe(false); // ~556 m
    expect(checkFence({ lat: 25.535, lng: 102.4, accuracyM: 80 }, fence).inside).toBe(true);
  });

  it('formats metres and kilometres', () => {
    expect(formatDistance(123.4)).toBe('123 米');
    expect(formatDistance(14_912)).toBe('14.9 公里');
  });
});
