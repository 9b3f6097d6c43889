import { describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { NARROW_SCREEN_MAX_WIDTH, useNarrowScreen } from './use_narrow_screen';

/** A matchMedia whose one query matches while `width` is within it, and tells its listeners. */
function stubMatchMedia(width: number) {
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return state.width <= NARROW_SCREEN_MAX_WIDTH;
    },
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  const state = {
    width,
    resize(next: number) {
      state.width = next;
      listeners.forEach((listener) => listener());
    },
    listeners,
  };
  vi.stubGlobal(
    'matchMedia',
    vi.fn(() => query),
  );
  return state;
}

describe('useNarrowScreen', () => {
  it('is true below 768 px and follows the window as it is resized', () => {
    const screen = stubMatchMedia(375);
    const scope = effectScope();
    const narrow = scope.run(useNarrowScreen)!;
    expect(narrow.value).toBe(true);

    screen.resize(1366);
    expect(narrow.value).toBe(false);
    screen.resize(767);
    expect(narrow.value).toBe(true);

    scope.stop();
    expect(screen.listeners.size).toBe(0);
  });

  it('is false where the browser cannot tell', () => {
    vi.stubGlobal('matchMedia', undefined);
    const scope = effectScope();
    expect(scope.run(useNarrowScreen)!.value).toBe(false);
    scope.stop();
  });
});
