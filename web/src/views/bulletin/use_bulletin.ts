import { computed, ref, watch } from 'vue';
import { useRoute } from 'vue-router';
import { getBulletin, type Bulletin } from '@/api/bulletin';

/** The bulletin the route's `:id` names, loaded (again) whenever the id changes. */
export function useBulletin() {
  const route = useRoute();
  const bulletin = ref<Bulletin | null>(null);
  const loading = ref(false);
  const loadError = ref<unknown>(null);
  const bulletinId = computed(() => Number(route.params.id));

  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = null;
    try {
      bulletin.value = await getBulletin(bulletinId.value);
    } catch (error) {
      bulletin.value = null;
      loadError.value = error;
    } finally {
      loading.value = false;
    }
  }

  watch(bulletinId, load, { immediate: true });
  return { bulletin, bulletinId, loading, loadError, load };
}
