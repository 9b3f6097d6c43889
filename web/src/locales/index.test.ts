import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import LanguageSwitch from '@/components/LanguageSwitch.vue';
import { createTestPlugins } from '@/testing/plugins';
import { LOCALE_STORAGE_KEY, createAppI18n, loadLocale, saveLocale } from './index';

beforeEach(() => {
  localStorage.clear();
});

describe('locale', () => {
  it('is Chinese when nothing, or something unknown, is stored', () => {
    expect(loadLocale()).toBe('zh-CN');
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr');
    expect(loadLocale()).toBe('zh-CN');
  });

  it('is remembered under liandong.locale and used by the next i18n', () => {
    saveLocale('en');

    expect(localStorage.getItem('liandong.locale')).toBe('en');
    expect(createAppI18n().global.locale.value).toBe('en');
  });

  it('survives a storage that refuses access', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    } as unknown as Storage;

    expect(() => saveLocale('en', refusing)).not.toThrow();
    expect(loadLocale(refusing)).toBe('zh-CN');
  });

  it('switches and is remembered when the user picks English', async () => {
    const { i18n, plugins } = createTestPlugins('zh-CN');
    const wrapper = mount(LanguageSwitch, { global: { plugins } });

    await wrapper.get('[data-test="locale-en"] input').setValue(true);

    expect(i18n.global.locale.value).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(i18n.global.t('layout.logout')).toBe('Log out');
  });
});
