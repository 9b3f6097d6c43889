import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { createTestPlugins } from '@/testing/plugins';
import PageHeader from './PageHeader.vue';

function mountHeader(props: InstanceType<typeof PageHeader>['$props']) {
  const { plugins } = createTestPlugins();
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)*', component: { render: () => null } }],
  });
  return mount(PageHeader, { props, global: { plugins: [...plugins, router] } });
}

describe('PageHeader', () => {
  it('is the h1 alone on a list page', () => {
    const wrapper = mountHeader({ title: '我的任务' });

    expect(wrapper.get('h1').text()).toBe('我的任务');
    expect(wrapper.find('nav').exists()).toBe(false);
  });

  it('leads back up through named breadcrumbs, ending at this page', () => {
    const wrapper = mountHeader({
      title: '基层党建示范点创建',
      crumbs: [
        { label: '我的任务', to: '/tasks' },
        { label: '东城区', to: '/tasks/assignments/2' },
      ],
      current: '和平街道',
    });

    const nav = wrapper.get('nav');
    expect(nav.attributes('aria-label')).toBe('面包屑');
    expect(nav.findAll('a').map((link) => [link.text(), link.attributes('href')])).toEqual([
      ['我的任务', '/tasks'],
      ['东城区', '/tasks/assignments/2'],
    ]);
    expect(nav.get('[aria-current="page"]').text()).toBe('和平街道');
    expect(wrapper.get('h1').text()).toBe('基层党建示范点创建');
  });
});
