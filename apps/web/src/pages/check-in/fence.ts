/**
 * The phone's own comparison with the recipient's geofence, so that a tap made offline can ask for
 * 外勤事由 at once instead of being refused when it is sent later. The server decides again on arrival
 * (same rule: inside when the distance is within the radius plus the reported accuracy).
 */
export interface Point { lat: number; lng: number }
export interface Fence extends Point { radiusM: number }

const EARTH_RADIUS_M = 6_371_000;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceM(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface FenceCheck { distanceM: number; inside: boolean }

export function checkFence(at: Point & { accuracyM?: number }, fence: Fence): FenceCheck {
  const d = distanceM(at, fence);
  return { distanceM: d, inside: d <= fence.radiusM + (at.accuracyM ?? 0) };
}

/** 120 米 / 1.5 公里 */
export const formatDistance = (m: number): string => (m >= 1000 ? `${(m / 1000).toFixed(1)} 公里` : `${Math.round(m)} 米`);
