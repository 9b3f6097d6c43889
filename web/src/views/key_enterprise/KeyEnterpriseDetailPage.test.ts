import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/client';
import {
  addKeyEnterpriseEntry,
  getKeyEnterprise,
  resolveKeyEnterpriseEntry,
  type KeyEnterpriseDetail,
} from '@/api/key_enterprise';
import type { User } from '@/api/session';
import { chinaDate } from '@/models/date_time';
import { useSessionStore } from '@/stores/session';
import { createTestPlugins, mountAtRoute } from '@/testing/plugins';
import { aKeyEnterpriseDetail, anEntry, cityReader, streetWriter } from './key_enterprise_fixtures';
import KeyEnterpriseDetailPage from './KeyEnterpriseDetailPage.vue';

vi.mock('@/api/key_enterprise', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/key_enterprise')>()),
  getKeyEnterprise: vi.fn(),
  addKeyEnterpriseEntry: vi.fn(),
  resolveKeyEnterpriseEntry: vi.fn(),
}));

async function mountPage(detail: KeyEnterpriseDetail, user: User = streetWriter) {
  vi.mocked(getKeyEnterprise).mockResolvedValue(detail);
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const { wrapper } = await mountAtRoute(
    KeyEnterpriseDetailPage,
    '/key-enterprises/:id',
    '/key-enterprises/7',
    plugins,
  );
  await flushPromises();
  return wrapper;
}

function entryRows(wrapper: VueWrapper) {
  return wrapper.findAll('[data-test="entry-table"] .el-table__body tbody tr');
}

beforeEach(() => {
  for (const mock of [getKeyEnterprise, addKeyEnterpriseEntry, resolveKeyEnterpriseEntry]) {
    vi.mocked(mock).mockReset();
  }
});

describe('KeyEnterpriseDetailPage', () => {
  it('shows both owners and the shared log, newest first, with each issue’s status', async () => {
    const wrapper = await mountPage(aKeyEnterpriseDetail());

    expect(getKeyEnterprise).toHaveBeenCalledWith(7);
    expect(wrapper.get('[data-test="page-title"]').text()).toBe('和平商贸有限公司');
    expect(wrapper.get('[data-test="key-enterprise-street-owner"]').text()).toBe('和平街道');
    expect(wrapper.get('[data-test="key-enterprise-agency-owner"]').text()).toBe('和平派出所');
    expect(wrapper.get('[data-test="key-enterprise-descriptions"]').text()).toContain('公安分局');

    const rows = entryRows(wrapper);
    expect(rows.map((row) => row.get('[data-test="entry-text-shown"]').text())).toEqual([
      '企业门前夜间停车占道',
      '员工子女入学咨询',
      '走访企业负责人，了解用工情况',
    ]);
    expect(rows.map((row) => row.get('[data-test="entry-side"]').text())).toEqual([
      '条',
      '块',
      '块',
    ]);
    expect(rows.map((row) => row.get('[data-test="entry-kind-name"]').text())).toEqual([
      '问题',
      '问题',
      '走访',
    ]);
    expect(rows[0]?.get('[data-test="entry-status"]').text()).toBe('未解决');
    expect(rows[1]?.get('[data-test="entry-status"]').text()).toBe('已解决');
    expect(rows[1]?.get('[data-test="entry-resolution"]').text()).toBe(
      '和平街道 2026-03-08 解决：已协调辖区小学接收',
    );
    expect(rows[2]?.find('[data-test="entry-status"]').exists()).toBe(false);
    // Only the open issue can be resolved.
    expect(rows.map((row) => row.find('[data-test="entry-resolve"]').exists())).toEqual([
      true,
      false,
      false,
    ]);
    wrapper.unmount();
  });

  it('offers no entry form and no resolving to a user who may not write', async () => {
    const wrapper = await mountPage(aKeyEnterpriseDetail({ can_write: false }), cityReader);

    expect(entryRows(wrapper)).toHaveLength(3);
    expect(wrapper.find('[data-test="entry-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="entry-text"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="entry-resolve"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('records an issue dated today and shows the log again', async () => {
    vi.mocked(addKeyEnterpriseEntry).mockResolvedValue(anEntry({ id: 104, kind: 'issue' }));
    const wrapper = await mountPage(aKeyEnterpriseDetail());

    await wrapper.get('[data-test="entry-kind-issue"] input').setValue(true);
    await wrapper.get('[data-test="entry-text"]').setValue('消防通道被货物堵塞');
    await wrapper.get('[data-test="entry-submit"]').trigger('click');
    await flushPromises();

    expect(addKeyEnterpriseEntry).toHaveBeenCalledWith(7, {
      kind: 'issue',
      happened_on: chinaDate(),
      text: '消防通道被货物堵塞',
    });
    expect(getKeyEnterprise).toHaveBeenCalledTimes(2);
    wrapper.unmount();
  });

  it('shows a refused date under the date, and nothing above the form', async () => {
    vi.mocked(addKeyEnterpriseEntry).mockRejectedValue(
      new ApiError({
        status: 400,
        code: 'key_enterprise.invalid_date',
        message: '日期应为一年以内、不晚于今天的有效日期',
        requestId: 'r',
        field: 'happened_on',
      }),
    );
    const wrapper = await mountPage(aKeyEnterpriseDetail());

    await wrapper.get('[data-test="entry-text"]').setValue('走访企业');
    await wrapper.get('[data-test="entry-submit"]').trigger('click');
    await flushPromises();

    const date = wrapper
      .findAll('[data-test="entry-form"] .el-form-item')
      .filter((item) => item.find('.el-date-editor').exists())
      .at(-1);
    await vi.waitFor(() =>
      expect(date?.get('.el-form-item__error').text()).toBe(
        '日期应为一年以内、不晚于今天的有效日期',
      ),
    );
    expect(wrapper.find('[data-test="entry-error"]').exists()).toBe(false);
    expect(getKeyEnterprise).toHaveBeenCalledTimes(1);
    wrapper.unmount();
  });

  it('resolves an open issue with the resolution typed in the dialog', async () => {
    vi.mocked(resolveKeyEnterpriseEntry).mockResolvedValue(
      anEntry({ id: 103, kind: 'issue', status: 'resolved' }),
    );
    const wrapper = await mountPage(aKeyEnterpriseDetail());

    await wrapper.get('[data-test="entry-resolve"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-test="resolve-dialog"]').text()).toContain('企业门前夜间停车占道');
    await wrapper.get('[data-test="resolve-text"]').setValue('已施划停车位，夜间巡查');
    await wrapper.get('[data-test="resolve-submit"]').trigger('click');
    await flushPromises();

    expect(resolveKeyEnterpriseEntry).toHaveBeenCalledWith(103, '已施划停车位，夜间巡查');
    expect(getKeyEnterprise).toHaveBeenCalledTimes(2);
    wrapper.unmount();
  });
});
