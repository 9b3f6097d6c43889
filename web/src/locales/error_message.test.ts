import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/client';
import { createAppI18n, type Locale } from './index';
import { errorMessage } from './error_message';

function apiError(code: string, message = ''): ApiError {
  return new ApiError({ status: 400, code, message, requestId: null });
}

function messageIn(locale: Locale, error: unknown): string {
  const { t, te } = createAppI18n(locale).global;
  return errorMessage({ t: (key) => t(key), te: (key) => te(key) }, error);
}

// Every code the server sends, read from its one catalogue (server/src/http/errors.cpp); each
// needs a message in both languages.
const SERVER_ERROR_CODES = [
  ...readFileSync(resolve(process.cwd(), '../server/src/http/errors.cpp'), 'utf8').matchAll(
    /Message\{"([a-z_]+\.[a-z_]+)"/g,
  ),
].map((match) => match[1] ?? '');

describe('errorMessage', () => {
  // The texts are the server's (server/src/http/errors.cpp), which the locales take as they are.
  it.each([
    ['zh-CN', 'auth.invalid_credentials', '用户名或密码错误'],
    ['en', 'auth.invalid_credentials', 'Wrong username or password'],
    ['zh-CN', 'auth.session_expired', '登录已过期，请重新登录'],
    ['zh-CN', 'auth.unauthenticated', '请先登录'],
    ['en', 'auth.session_expired', 'Your session has ended; please log in again'],
    ['zh-CN', 'org.not_found', '组织不存在'],
    ['zh-CN', 'org.not_empty', '该组织仍有下级组织或党员，不能撤销'],
    ['zh-CN', 'member.id_number_taken', '该身份证号码已登记'],
    ['en', 'transfer.already_pending', 'This member already has a pending transfer'],
    ['en', 'server.unavailable', 'The service is unavailable; try again later'],
  ] as const)('in %s maps %s to %s', (locale, code, expected) => {
    expect(messageIn(locale, apiError(code, 'server text'))).toBe(expected);
  });

  it.each(['zh-CN', 'en'] as const)(
    'has a message of its own for every server code in %s',
    (locale) => {
      expect(SERVER_ERROR_CODES.length).toBeGreaterThan(150);
      for (const code of SERVER_ERROR_CODES) {
        expect(messageIn(locale, apiError(code)), code).not.toBe(messageIn(locale, null));
      }
    },
  );

  it.each([
    ['an unknown code', 'duty.item_locked'],
    ['a code naming a group, not a message', 'auth'],
    ['a code with odd characters', 'auth.invalid_credentials!'],
  ])('falls back to the server message for %s', (_, code) => {
    expect(messageIn('zh-CN', apiError(code, '任务已锁定'))).toBe('任务已锁定');
    expect(messageIn('en', apiError(code, '任务已锁定'))).toBe('任务已锁定');
  });

  it.each([
    ['zh-CN', '操作失败，请稍后再试'],
    ['en', 'Something went wrong. Try again later.'],
  ] as const)('in %s falls back to a generic message', (locale, expected) => {
    expect(messageIn(locale, apiError('duty.item_locked', '  '))).toBe(expected);
    expect(messageIn(locale, new Error('internal detail'))).toBe(expected);
    expect(messageIn(locale, undefined)).toBe(expected);
  });
});
