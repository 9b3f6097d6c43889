import { onScopeDispose, ref, type Ref } from 'vue';

/**
 * The widest screen that counts as a phone, in CSS pixels. styles.css uses the same breakpoint
 * (`max-width: 767.98px`) for what CSS alone can lay out.
 */
export const NARROW_SCREEN_MAX_WIDTH = 767.98;

/**
 * True while the window is narrower than a tablet (below 768 px): the menu goes behind a button,
 * forms put their labels above the fields. Follows the window as it is resized or turned; false
 * where the browser cannot tell (no matchMedia, as in tests).
 */
export function useNarrowScreen(): Ref<boolean> {
  const narrow = ref(false);
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return narrow;
  const query = window.matchMedia(`(max-width: ${NARROW_SCREEN_MAX_WIDTH}px)`);
  const update = (): void => {
    narrow.value = query.matches;
  };
  update();
  query.addEventListener('change', update);
  onScopeDispose(() => query.removeEventListener('change', update));
  return narrow;
}
