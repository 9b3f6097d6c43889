import { flushPromises } from '@vue/test-utils';
import { ElFormItem, ElInput } from 'element-plus';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, reactive, type PropType } from 'vue';
import { ApiError } from '@/api/client';
import { createTestPlugins, mountInHost } from '@/testing/plugins';
import FormDialog from './FormDialog.vue';

/** A dialog with one required field, built on the shell as the app's dialogs are. */
const NameDialog = defineComponent({
  props: {
    modelValue: { type: Boolean, required: true },
    save: { type: Function as PropType<(name: string) => Promise<string>>, required: true },
    prepare: { type: Function as PropType<() => unknown>, default: undefined },
  },
  emits: ['update:modelValue', 'saved'],
  setup(props, { emit }) {
    const form = reactive({ name: '' });
    const rules = { name: [{ required: true, message: '请输入名称', trigger: 'blur' }] };
    return () =>
      h(
        FormDialog<string>,
        {
          modelValue: props.modelValue,
          'onUpdate:modelValue': (open: boolean) => emit('update:modelValue', open),
          title: '新建',
          testId: 'thing',
          model: form,
          rules,
          prepare: () => {
            form.name = '';
            return props.prepare?.();
          },
          save: () => props.save(form.name),
          onSaved: (result: string) => emit('saved', result),
        },
        () =>
          h(ElFormItem, { label: '名称', prop: 'name' }, () =>
            h(ElInput, {
              modelValue: form.name,
              'onUpdate:modelValue': (value: string) => (form.name = value),
              'data-test': 'thing-name',
            }),
          ),
      );
  },
});

async function openDialog(save: (name: string) => Promise<string>, prepare?: () => unknown) {
  const { plugins } = createTestPlugins();
  const mounted = mountInHost(NameDialog, { modelValue: false, save, prepare }, plugins);
  mounted.props.modelValue = true;
  await flushPromises();
  const wrapper = mounted.wrapper;
  return {
    wrapper,
    props: mounted.props,
    saved: () => mounted.inner().emitted('saved'),
    type: (value: string) => wrapper.get('[data-test="thing-name"]').setValue(value),
    submit: async () => {
      await wrapper.get('[data-test="thing-submit"]').trigger('click');
      await flushPromises();
    },
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('FormDialog', () => {
  it('marks a required field and saves nothing while it is empty', async () => {
    const save = vi.fn(async () => 'ok');
    const dialog = await openDialog(save);

    expect(dialog.wrapper.get('.el-form-item').classes()).toContain('is-required');
    await dialog.submit();

    await vi.waitFor(() => expect(dialog.wrapper.text()).toContain('请输入名称'));
    expect(save).not.toHaveBeenCalled();
    expect(dialog.props.modelValue).toBe(true);
  });

  it('clears a field’s message as soon as its value is valid', async () => {
    const dialog = await openDialog(async () => 'ok');
    await dialog.submit();
    await vi.waitFor(() => expect(dialog.wrapper.text()).toContain('请输入名称'));

    await dialog.type('网格党支部');
    await flushPromises();

    await vi.waitFor(() => expect(dialog.wrapper.text()).not.toContain('请输入名称'));
  });

  it('shows the server’s refusal and stays open with the input kept', async () => {
    const save = vi.fn(() =>
      Promise.reject(
        new ApiError({
          status: 409,
          code: 'org.name_taken',
          message: '名称已存在',
          requestId: 'r',
        }),
      ),
    );
    const dialog = await openDialog(save);

    await dialog.type('网格党支部');
    await dialog.submit();

    expect(save).toHaveBeenCalledWith('网格党支部');
    expect(dialog.wrapper.get('[data-test="thing-error"]').text()).toContain('名称已存在');
    expect(dialog.props.modelValue).toBe(true);
    expect((dialog.wrapper.get('[data-test="thing-name"]').element as HTMLInputElement).value).toBe(
      '网格党支部',
    );
    expect(dialog.saved()).toBeUndefined();
  });

  it('shows a refusal that names a field of the form under that field, until it changes', async () => {
    const taken = new ApiError({
      status: 409,
      code: 'org.name_taken',
      message: '名称已存在',
      requestId: 'r',
      field: 'name',
    });
    const dialog = await openDialog(vi.fn(() => Promise.reject(taken)));

    await dialog.type('网格党支部');
    await dialog.submit();

    const item = dialog.wrapper.get('.el-form-item');
    await vi.waitFor(() => expect(item.get('.el-form-item__error').text()).toBe('名称已存在'));
    expect(dialog.wrapper.find('[data-test="thing-error"]').exists()).toBe(false);
    expect(dialog.props.modelValue).toBe(true);

    await dialog.type('楼栋党小组');
    await flushPromises();
    await vi.waitFor(() => expect(item.find('.el-form-item__error').exists()).toBe(false));
  });

  it('shows a refusal naming a field the form does not have above the form', async () => {
    const refusal = new ApiError({
      status: 400,
      code: 'org.invalid_parent',
      message: '上级组织无效',
      requestId: 'r',
      field: 'parent_id',
    });
    const dialog = await openDialog(vi.fn(() => Promise.reject(refusal)));

    await dialog.type('网格党支部');
    await dialog.submit();

    expect(dialog.wrapper.get('[data-test="thing-error"]').text()).toContain('上级组织无效');
    expect(dialog.wrapper.find('.el-form-item__error').exists()).toBe(false);
  });

  it('emits what was saved and closes on success', async () => {
    const dialog = await openDialog(async (name) => `saved ${name}`);

    await dialog.type('网格党支部');
    await dialog.submit();

    expect(dialog.saved()).toEqual([['saved 网格党支部']]);
    expect(dialog.props.modelValue).toBe(false);
  });

  it('saves once however often the button is clicked', async () => {
    const pending = deferred<string>();
    const save = vi.fn(() => pending.promise);
    const dialog = await openDialog(save);
    await dialog.type('网格党支部');

    const button = dialog.wrapper.get('[data-test="thing-submit"]');
    // A double click: the second comes before the button shows that it is saving.
    await Promise.all([button.trigger('click'), button.trigger('click')]);
    await flushPromises();
    await button.trigger('click');
    pending.resolve('ok');
    await flushPromises();

    expect(save).toHaveBeenCalledTimes(1);
    expect(dialog.saved()).toHaveLength(1);
  });

  it('starts again from an empty form, without the last error, when reopened', async () => {
    const save = vi.fn().mockRejectedValueOnce(new Error('down'));
    const dialog = await openDialog(save);
    await dialog.type('网格党支部');
    await dialog.submit();
    expect(dialog.wrapper.find('[data-test="thing-error"]').exists()).toBe(true);

    dialog.props.modelValue = false;
    await flushPromises();
    dialog.props.modelValue = true;
    await flushPromises();

    expect(dialog.wrapper.find('[data-test="thing-error"]').exists()).toBe(false);
    expect((dialog.wrapper.get('[data-test="thing-name"]').element as HTMLInputElement).value).toBe(
      '',
    );
    expect(dialog.wrapper.text()).not.toContain('请输入名称');
  });

  it('shows why the form could not be loaded and offers no save', async () => {
    const save = vi.fn(async () => 'ok');
    const failure = new ApiError({
      status: 404,
      code: 'x.not_found',
      message: '记录不存在',
      requestId: 'r',
    });
    const dialog = await openDialog(save, () => Promise.reject(failure));

    expect(dialog.wrapper.get('[data-test="thing-error"]').text()).toContain('记录不存在');
    await dialog.type('网格党支部');
    await dialog.submit();
    expect(save).not.toHaveBeenCalled();
  });

  it('puts the labels beside the fields, as wide as the longest, and above them on a phone', async () => {
    const wide = await openDialog(vi.fn());
    expect(wide.wrapper.get('.el-form').classes()).toContain('el-form--label-right');
    expect(wide.wrapper.findComponent({ name: 'ElForm' }).props('labelWidth')).toBe('auto');
    wide.wrapper.unmount();

    vi.stubGlobal(
      'matchMedia',
      vi.fn(() => ({ matches: true, addEventListener() {}, removeEventListener() {} })),
    );
    const phone = await openDialog(vi.fn());
    expect(phone.wrapper.get('.el-form').classes()).toContain('el-form--label-top');
    phone.wrapper.unmount();
  });
});
