import { mount } from '@vue/test-utils';
import { ElMessage, ElMessageBox, type MessageBoxData } from 'element-plus';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import { ApiError } from '@/api/client';
import { createTestPlugins } from '@/testing/plugins';
import { useAction } from './use_action';

function act() {
  let action!: ReturnType<typeof useAction>;
  const { plugins } = createTestPlugins();
  mount(
    defineComponent({
      setup() {
        action = useAction();
        return () => null;
      },
    }),
    { global: { plugins } },
  );
  return action;
}

beforeEach(() => {
  vi.restoreAllMocks();
  vi.spyOn(ElMessage, 'success');
  vi.spyOn(ElMessage, 'error');
});

describe('useAction', () => {
  it('runs nothing when the user does not confirm', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel');
    const run = vi.fn(async () => 1);

    const outcome = await act()(run, { confirm: { message: '删除？', title: '删除' } });

    expect(outcome).toBe('cancelled');
    expect(run).not.toHaveBeenCalled();
  });

  it('says it is done and reloads after a confirmed action', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as unknown as MessageBoxData);
    const reload = vi.fn();

    const outcome = await act()(async () => 7, {
      confirm: { message: '删除？', title: '删除' },
      done: '已删除',
      then: reload,
    });

    expect(outcome).toBe('done');
    expect(ElMessage.success).toHaveBeenCalledWith('已删除');
    expect(reload).toHaveBeenCalledWith(7);
  });

  it('shows the server’s refusal and does not reload', async () => {
    const reload = vi.fn();
    const refusal = new ApiError({ status: 409, code: 'x.y', message: '不能删除', requestId: 'r' });

    const outcome = await act()(() => Promise.reject(refusal), { then: reload });

    expect(outcome).toBe('failed');
    expect(ElMessage.error).toHaveBeenCalledWith('不能删除');
    expect(reload).not.toHaveBeenCalled();
  });
});
