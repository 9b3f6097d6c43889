import { computed, ref, watch } from 'vue';
import { useRoute, type LocationQueryValue } from 'vue-router';
import { getOrg, type NamedRef } from '@/api/org';
import { useSessionStore } from '@/stores/session';

/** The id a query parameter names (`?org=12`), or null when it names none. */
export function queryId(
  value: LocationQueryValue | LocationQueryValue[] | undefined,
): number | null {
  const id = typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(id) && id > 0 ? id : null;
}

/**
 * The org a list over a subtree shows: the one `?org=` names (a figure's drill-down), else the
 * user's own. `picked` names it for the OrgPicker, which cannot name an org its search has not
 * returned: the user's own at once, another one once fetched.
 */
export function useQueryOrg() {
  const route = useRoute();
  const session = useSessionStore();
  const own = computed<NamedRef | null>(() => session.user?.org ?? null);
  const picked = ref<NamedRef | null>(null);
  let latest = 0;

  /** The org the URL names now, else the user's own. */
  function orgId(): number | null {
    return queryId(route.query.org) ?? own.value?.id ?? null;
  }

  /** Names `id` in `picked`; an org that cannot be read leaves it as it was. */
  async function name(id: number | null): Promise<void> {
    const ticket = ++latest;
    if (id === null || id === own.value?.id) {
      picked.value = own.value;
      return;
    }
    if (picked.value?.id === id) return;
    try {
      const org = await getOrg(id);
      if (ticket === latest) picked.value = { id: org.id, name: org.name };
    } catch {
      // The list still answers for the org; the picker shows its id.
    }
  }

  /** The org picked in the picker (a search result), named at once. */
  function pick(org: NamedRef | null): void {
    latest += 1;
    picked.value = org;
  }

  void name(orgId());
  return { own, picked, orgId, name, pick };
}

/**
 * Calls `apply` when the query of the page's URL changes while the page stays open (another
 * figure's drill-down, or its menu entry without one), not when the user leaves for another page.
 */
export function watchPageQuery(apply: () => void): void {
  const route = useRoute();
  const path = route.path;
  watch(
    () => route.query,
    () => {
      if (route.path === path) apply();
    },
  );
}
