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

// Every code the server sends; each needs a message in both languages.
const SERVER_ERROR_CODES = [
  'request.invalid_json',
  'request.invalid_argument',
  'request.not_found',
  'request.method_not_allowed',
  'request.body_too_large',
  'request.header_too_large',
  'request.rate_limited',
  'auth.invalid_credentials',
  'auth.unauthenticated',
  'auth.session_expired',
  'auth.csrf_invalid',
  'auth.permission_denied',
  'org.not_found',
  'org.not_empty',
  'org.invalid_move',
  'org.invalid_level',
  'org.invalid_kind',
  'org.invalid_name',
  'org.parent_archived',
  'member.not_found',
  'member.invalid_id_number',
  'member.id_number_taken',
  'member.invalid_phone',
  'member.invalid_gender',
  'member.invalid_status',
  'member.invalid_date',
  'transfer.not_found',
  'transfer.not_pending',
  'transfer.same_org',
  'transfer.already_pending',
  'unit.not_found',
  'unit.invalid_credit_code',
  'unit.credit_code_taken',
  'unit.invalid_kind',
  'unit.org_outside_scope',
  'joint_committee.not_found',
  'joint_committee.invalid_level',
  'street_profile.not_a_street',
  'request.invalid_date',
  // The responsibility system (#4).
  'task.not_found',
  'task.invalid_title',
  'task.invalid_content',
  'task.invalid_deadline',
  'task.invalid_weight',
  'task.deadline_after_parent',
  'task.no_targets',
  'task.invalid_targets',
  'task.target_outside_scope',
  'task.not_own_node',
  'task.not_a_leaf',
  'task.report_pending',
  'task.already_done',
  'task.report_not_found',
  'task.not_reviewer',
  'task.report_not_pending',
  'task.invalid_percent',
  'task.reason_required',
  'attachment.type_not_allowed',
  'attachment.too_large',
  'attachment.empty',
  'attachment.not_found',
  'attachment.invalid_file_name',
  'duty.not_found',
  'duty.in_use',
  'duty.year_exists',
  'duty.invalid_year',
  'duty.invalid_level',
  'duty.invalid_kind',
  'duty.invalid_description',
  'duty.invalid_department',
  'duty.not_own_item',
  'supervision.not_found',
  'supervision.target_not_below',
  'supervision.not_target',
  'supervision.not_issuer',
  'supervision.wrong_state',
  'supervision.invalid_title',
  'supervision.invalid_deadline',
  'supervision.reason_required',
  'supervision.text_required',
  'accountability.not_found',
  'accountability.link_required',
  'accountability.target_not_below',
  'accountability.invalid_date',
  'accountability.text_required',
  'bulletin.not_found',
  'bulletin.invalid_period',
  'bulletin.already_published',
  'bulletin.not_own',
  'notification.not_found',
  'server.internal',
  'server.unavailable',
];

describe('errorMessage', () => {
  it.each([
    ['zh-CN', 'auth.invalid_credentials', '用户名或密码错误'],
    ['en', 'auth.invalid_credentials', 'Wrong username or password.'],
    ['zh-CN', 'auth.session_expired', '登录已过期，请重新登录'],
    ['zh-CN', 'auth.unauthenticated', '登录已过期，请重新登录'],
    ['en', 'auth.session_expired', 'Your session has ended. Please log in again.'],
    ['zh-CN', 'org.not_found', '组织不存在'],
    ['zh-CN', 'org.not_empty', '该组织下还有下级组织或党员，不能归档'],
    ['zh-CN', 'member.id_number_taken', '该身份证号码已有党员登记'],
    ['en', 'transfer.already_pending', 'The member already has a transfer waiting.'],
    ['en', 'server.unavailable', 'The service is unavailable. Try again later.'],
  ] as const)('in %s maps %s to %s', (locale, code, expected) => {
    expect(messageIn(locale, apiError(code, 'server text'))).toBe(expected);
  });

  it.each(['zh-CN', 'en'] as const)(
    'has a message of its own for every server code in %s',
    (locale) => {
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
