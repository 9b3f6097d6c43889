import { computed, watch } from 'vue';
import { useRoute } from 'vue-router';
import { getBulletin } from '@/api/bulletin';
import { useLoaded } from '@/composables/use_latest_request';

/** The bulletin the route's `:id` names, loaded (again) whenever the id changes. */
export function useBulletin() {
  const route = useRoute();
  const bulletinId = computed(() => Number(route.params.id));
  const {
    value: bulletin,
    loading,
    error: loadError,
    load,
  } = useLoaded(() => getBulletin(bulletinId.value));

  watch(bulletinId, load, { immediate: true });
  return { bulletin, bulletinId, loading, loadError, load };
}
