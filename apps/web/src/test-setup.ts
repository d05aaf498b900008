/** jsdom lacks what antd measures with: matchMedia (Grid breakpoints), ResizeObserver, getComputedStyle of pseudo-elements. */
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

if (typeof window !== 'undefined') {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) => ({
      matches: false, media: query, onchange: null,
      addListener: () => {}, removeListener: () => {}, addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false,
    });
  }
  if (!('ResizeObserver' in window)) {
    class ResizeObserverStub {
      observe() {}
      unobserve() {}
      disconnect() {}
    }
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
    (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
  }
  const original = window.getComputedStyle.bind(window);
  window.getComputedStyle = (elt: Element, pseudo?: string | null) => original(elt, pseudo ? undefined : pseudo);
}

afterEach(() => cleanup());
