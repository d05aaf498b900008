/** Where the phone is, or why not: the check-in goes ahead without a location when it is refused or slow. */
export type Located =
  | { ok: true; lat: number; lng: number; accuracyM: number }
  | { ok: false; reason: string };

const REASONS: Record<number, string> = {
  1: '未获得定位权限',
  2: '无法获取位置',
  3: '定位超时',
};

export function locate(timeoutMs = 8000): Promise<Located> {
  return new Promise((resolve) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      resolve({ ok: false, reason: window.isSecureContext === false ? '当前网页不是 HTTPS，浏览器不提供定位' : '浏览器不支持定位' });
      return;
    }
    let done = false;
    const finish = (r: Located) => {
      if (done) return;
      done = true;
      resolve(r);
    };
    // Some browsers never call back when the permission prompt is ignored: give up a little after the timeout.
    const guard = setTimeout(() => finish({ ok: false, reason: REASONS[3]! }), timeoutMs + 1500);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        clearTimeout(guard);
        finish({ ok: true, lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: Math.round(Math.max(0, p.coords.accuracy || 0)) });
      },
      (e) => {
        clearTimeout(guard);
        finish({ ok: false, reason: REASONS[e.code] ?? (e.message || '无法获取位置') });
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 30_000 },
    );
  });
}
