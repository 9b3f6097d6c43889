import { defineStore } from 'pinia';
import { ref } from 'vue';
import { getUnreadCount } from '@/api/notification';

/** How often the header asks for the unread count. */
export const UNREAD_POLL_MS = 60_000;

/** The unread count of the inbox, shown as the header's badge and kept fresh by polling. */
export const useInboxStore = defineStore('inbox', () => {
  const unread = ref(0);
  let timer: ReturnType<typeof setInterval> | null = null;

  /** Asks the server again; a failed ask keeps the last count (a 401 ends the session anyway). */
  async function refresh(): Promise<void> {
    try {
      unread.value = await getUnreadCount();
    } catch {
      // The badge is a hint: the next poll tries again.
    }
  }

  /** Counts now, then every minute until stopPolling. */
  function startPolling(): void {
    stopPolling();
    void refresh();
    timer = setInterval(() => void refresh(), UNREAD_POLL_MS);
  }

  function stopPolling(): void {
    if (timer !== null) clearInterval(timer);
    timer = null;
    unread.value = 0;
  }

  return { unread, refresh, startPolling, stopPolling };
});
