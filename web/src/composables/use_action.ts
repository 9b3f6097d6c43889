import { ElMessage, ElMessageBox } from 'element-plus';
import type { Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useErrorMessage } from '@/locales/error_message';

export interface ActionOptions<R> {
  /** Asked first; nothing runs unless the user confirms. `button` names the confirm button. */
  confirm?: { message: string; title: string; button?: string; type?: 'warning' | 'info' };
  /** Shown once the action succeeded. */
  done?: string;
  /** Runs after success: reload the list, go elsewhere … */
  then?: (result: R) => unknown;
  /** True while the action runs (a button's loading). */
  busy?: Ref<boolean>;
}

/** How an action ended. */
export type ActionOutcome = 'cancelled' | 'failed' | 'done';

/**
 * Runs a one-click action on a page (delete, archive, accept, reset a password …): asks first
 * when `confirm` is given, shows `done` or the server's refusal as a message, and on success
 * calls `then`.
 */
export function useAction() {
  const { t } = useI18n();
  const toMessage = useErrorMessage();

  return async function act<R>(
    run: () => Promise<R>,
    options: ActionOptions<R> = {},
  ): Promise<ActionOutcome> {
    const { confirm, busy } = options;
    if (confirm) {
      try {
        await ElMessageBox.confirm(confirm.message, confirm.title, {
          ...(confirm.type ? { type: confirm.type } : {}),
          confirmButtonText: confirm.button ?? t('common.confirm'),
          cancelButtonText: t('common.cancel'),
        });
      } catch {
        return 'cancelled';
      }
    }
    if (busy) busy.value = true;
    try {
      const result = await run();
      if (options.done) ElMessage.success(options.done);
      await options.then?.(result);
      return 'done';
    } catch (error) {
      ElMessage.error(toMessage(error));
      return 'failed';
    } finally {
      if (busy) busy.value = false;
    }
  };
}
