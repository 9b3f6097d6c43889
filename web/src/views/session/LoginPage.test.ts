import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { ApiError } from '@/api/client';
import { createSession, sendSecondFactor } from '@/api/session';
import { createAppRouter } from '@/router';
import { useSessionStore } from '@/stores/session';
import { streetSession } from '@/testing/fixtures';
import { createTestPlugins } from '@/testing/plugins';
import LoginPage from './LoginPage.vue';

vi.mock('@/api/session', () => ({
  createSession: vi.fn(),
  deleteSession: vi.fn(),
  getMe: vi.fn(),
  sendSecondFactor: vi.fn(),
}));

async function mountLogin(path = '/login') {
  const { plugins } = createTestPlugins();
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  const wrapper = mount(LoginPage, { global: { plugins: [...plugins, router] } });
  return { wrapper, router };
}

async function submit(wrapper: Awaited<ReturnType<typeof mountLogin>>['wrapper']) {
  await wrapper.get('[data-test="login-username"]').setValue('street.admin');
  await wrapper.get('[data-test="login-password"]').setValue('secret');
  await wrapper.get('form').trigger('submit');
  await flushPromises();
}

beforeEach(() => {
  vi.resetAllMocks();
});

describe('LoginPage', () => {
  it('shows 用户名或密码错误 in an alert for wrong credentials', async () => {
    vi.mocked(createSession).mockRejectedValue(
      new ApiError({ status: 401, code: 'auth.invalid_credentials', message: 'x', requestId: 'r' }),
    );
    const { wrapper, router } = await mountLogin();

    await submit(wrapper);

    expect(createSession).toHaveBeenCalledWith('street.admin', 'secret');
    expect(wrapper.get('[role="alert"]').text()).toContain('用户名或密码错误');
    expect(router.currentRoute.value.name).toBe('login');
  });

  it('shows why the last session ended', async () => {
    const { wrapper } = await mountLogin();
    useSessionStore().end(
      new ApiError({ status: 401, code: 'auth.session_expired', message: '', requestId: null }),
    );
    await flushPromises();

    expect(wrapper.get('[role="alert"]').text()).toContain('登录已过期，请重新登录');
  });

  it('goes back to the page that was asked for after logging in', async () => {
    vi.mocked(createSession).mockResolvedValue(streetSession);
    const { wrapper, router } = await mountLogin('/login?redirect=/%3Ftab%3D1');

    await submit(wrapper);

    expect(useSessionStore().user?.username).toBe('street.admin');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/?tab=1'));
  });

  it('asks for the one-time code after a right password, then goes on', async () => {
    vi.mocked(createSession).mockResolvedValue({ ...streetSession, second_factor: 'required' });
    vi.mocked(sendSecondFactor)
      .mockRejectedValueOnce(
        new ApiError({
          status: 401,
          code: 'auth.invalid_second_factor',
          message: '',
          requestId: null,
        }),
      )
      .mockResolvedValueOnce({ ...streetSession, second_factor: 'none' });
    const { wrapper, router } = await mountLogin('/login?redirect=/%3Ftab%3D2');

    await submit(wrapper);
    expect(router.currentRoute.value.name).toBe('login');
    expect(wrapper.find('[data-test="login-password"]').exists()).toBe(false);

    await wrapper.get('[data-test="second-factor-code"]').setValue('000000');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('动态验证码或恢复码不正确');
    expect(router.currentRoute.value.name).toBe('login');

    await wrapper.get('[data-test="use-recovery-code"]').trigger('click');
    await wrapper.get('[data-test="second-factor-code"]').setValue('ABCD-EFGH-IJKL-MNOP');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sendSecondFactor).toHaveBeenLastCalledWith('ABCD-EFGH-IJKL-MNOP', true);
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/?tab=2'));
  });
});
