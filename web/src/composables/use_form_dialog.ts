import { ElMessage, type FormInstance, type FormItemContext } from 'element-plus';
import { nextTick, ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';

export interface FormDialogOptions<T> {
  /** Whether the dialog is open (its v-model). */
  visible: Ref<boolean>;
  /** The el-form to validate, once it is rendered. */
  form: () => FormInstance | undefined;
  /** Called on every opening to reset the form; a returned promise is awaited as loading. */
  prepare?: () => unknown;
  /** Sends the form; a rejection is shown and the dialog stays open with its input. */
  save: () => Promise<T>;
  /** Called with what `save` returned, after the dialog has closed. */
  onSaved: (result: T) => void;
}

/**
 * The validate → save → error → close cycle of a form dialog: `submit` validates the form, calls
 * `save` once however often it is clicked, keeps the error when the server refuses, and closes
 * and reports the result when it succeeds. Each opening resets the form through `prepare` and
 * clears the last validation and error.
 */
export function useFormDialog<T>(options: FormDialogOptions<T>) {
  const saving = ref(false);
  const saveError = ref<unknown>(null);
  const loading = ref(false);
  const loadError = ref<unknown>(null);
  /** True while an opening resets the form, whose changes must not revalidate it. */
  const resetting = ref(false);

  watch(
    options.visible,
    async (open) => {
      if (!open) return;
      resetting.value = true;
      saveError.value = null;
      loadError.value = null;
      const pending = options.prepare?.();
      await nextTick();
      options.form()?.clearValidate();
      resetting.value = false;
      if (!(pending instanceof Promise)) return;
      loading.value = true;
      try {
        await pending;
      } catch (error) {
        loadError.value = error;
      } finally {
        loading.value = false;
      }
    },
    { immediate: true },
  );

  async function submit(): Promise<void> {
    if (saving.value || loading.value || loadError.value !== null) return;
    saving.value = true;
    saveError.value = null;
    try {
      const form = options.form();
      const valid = form ? await form.validate().catch(() => false) : true;
      if (!valid) return;
      const result = await options.save();
      options.visible.value = false;
      options.onSaved(result);
    } catch (error) {
      saveError.value = error;
    } finally {
      saving.value = false;
    }
  }

  /**
   * Validates again the fields that show an error, so a message goes once the value is valid;
   * `except` keeps its message (the server's, which the rules cannot judge).
   */
  function revalidateFailedFields(except?: FormItemContext): void {
    if (resetting.value) return;
    for (const field of options.form()?.fields ?? []) {
      if (field === except) continue;
      if (field.validateState === 'error') field.validate('').catch(() => undefined);
    }
  }

  return { saving, saveError, loading, loadError, submit, revalidateFailedFields };
}

/** The fields of `next` that differ from `before`: an edit sends only those, never rewriting others. */
export function changedFields<T extends object>(next: T, before: T): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (next[key] !== before[key]) patch[key] = next[key];
  }
  return patch;
}

/**
 * The page side of an add/edit dialog: whether it is open, the record it edits (null: a new one),
 * and what follows a save: 已保存 and `reload`.
 */
export function useEditDialog<T>(reload?: () => unknown) {
  const { t } = useI18n();
  const open = ref(false);
  const editing = ref(null) as Ref<T | null>;

  function edit(record: T | null): void {
    editing.value = record;
    open.value = true;
  }

  function create(): void {
    edit(null);
  }

  function onSaved(): void {
    ElMessage.success(t('common.saved'));
    void reload?.();
  }

  return { open, editing, create, edit, onSaved };
}
