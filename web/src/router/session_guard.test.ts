import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { ApiError } from '@/api/client';
import { createSession, getMe, sendSecondFactor } from '@/api/session';
import { useSessionStore } from '@/stores/session';
import { streetSession } from '@/testing/fixtures';
import { createTestPlugins } from '@/testing/plugins';
import { createAppRouter } from './index';
import { endSession, installSessionGuard, safeRedirect } from './session_guard';

vi.mock('@/api/session', () => ({
  changePassword: vi.fn(),
  createSession: vi.fn(),
  deleteSession: vi.fn(),
  getMe: vi.fn(),
  sendSecondFactor: vi.fn(),
}));

function unauthorized(code: string): ApiError {
  return new ApiError({ status: 401, code, message: '', requestId: null });
}

function setUp() {
  createTestPlugins();
  const session = useSessionStore();
  const router = createAppRouter(createMemoryHistory());
  installSessionGuard(router, session);
  return { router, session };
}

beforeEach(() => {
  vi.resetAllMocks();
});

describe('session guard', () => {
  it('sends a visitor without a session to the login page, remembering the target', async () => {
    vi.mocked(getMe).mockRejectedValue(unauthorized('auth.unauthenticated'));
    const { router, session } = setUp();

    await router.push('/?from=bookmark');

    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/?from=bookmark');
    // Never having logged in is not an ended session: no message.
    expect(session.notice).toBeNull();
  });

  it('lets a restored session through without a login', async () => {
    vi.mocked(getMe).mockResolvedValue(streetSession);
    const { router, session } = setUp();

    await router.push('/');

    expect(router.currentRoute.value.name).toBe('home');
    expect(session.csrfToken).toBe('csrf-street');
  });

  it('keeps a user whose password has expired on the change-password page until it is changed', async () => {
    vi.mocked(getMe).mockResolvedValue({ ...streetSession, password_expired: true });
    const { router, session } = setUp();

    await router.push('/members');
    expect(router.currentRoute.value.name).toBe('password');

    await session.changePassword('old', 'New#Passw0rd-2026');
    await router.push('/members');
    expect(router.currentRoute.value.name).toBe('members');
  });

  it('keeps a login waiting for its second factor on the login page until the code is right', async () => {
    vi.mocked(getMe).mockRejectedValue(unauthorized('auth.unauthenticated'));
    vi.mocked(createSession).mockResolvedValue({ ...streetSession, second_factor: 'required' });
    vi.mocked(sendSecondFactor).mockResolvedValue({ ...streetSession, second_factor: 'none' });
    const { router, session } = setUp();
    await router.push('/login');
    await session.login('street.admin', 'secret');

    await router.push('/members');
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/members');

    await session.verifySecondFactor('123456');
    await router.push('/members');
    expect(router.currentRoute.value.name).toBe('members');
  });

  it('sends a user who must bind an authenticator to the second-factor page, then to the password', async () => {
    vi.mocked(getMe).mockResolvedValue({
      ...streetSession,
      second_factor: 'enrol',
      password_expired: true,
    });
    const { router, session } = setUp();

    await router.push('/members');
    expect(router.currentRoute.value.name).toBe('second-factor');

    session.secondFactorEnrolled();
    await router.push('/members');
    expect(router.currentRoute.value.name).toBe('password');
  });

  it('sends the user to the login page with the reason when the session ends', async () => {
    vi.mocked(getMe).mockRejectedValue(unauthorized('auth.unauthenticated'));
    vi.mocked(createSession).mockResolvedValue(streetSession);
    const { router, session } = setUp();
    await router.push('/');
    await session.login('street.admin', 'secret');
    await router.push('/?tab=1');

    endSession(router, session, unauthorized('auth.session_expired'));
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'));

    expect(session.user).toBeNull();
    expect(session.notice?.code).toBe('auth.session_expired');
    expect(router.currentRoute.value.query.redirect).toBe('/?tab=1');
  });

  it('ignores a 401 while nobody is logged in', async () => {
    vi.mocked(getMe).mockRejectedValue(unauthorized('auth.unauthenticated'));
    const { router, session } = setUp();
    await router.push('/login');

    endSession(router, session, unauthorized('auth.unauthenticated'));

    expect(session.notice).toBeNull();
  });
});

describe('safeRedirect', () => {
  it.each([
    ['/?tab=1', '/?tab=1'],
    [undefined, '/'],
    [null, '/'],
    ['//evil.example/', '/'],
    ['https://evil.example/', '/'],
    ['/login?redirect=/', '/'],
  ])('turns %s into %s', (value, expected) => {
    expect(safeRedirect(value)).toBe(expected);
  });
});
