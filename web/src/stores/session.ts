import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiError } from '@/api/client';
import {
  changePassword as postPassword,
  createSession,
  deleteSession,
  getMe,
  sendSecondFactor,
  type SecondFactorState,
  type SessionResponse,
  type User,
} from '@/api/session';

/** The logged-in user and the CSRF token of their session. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<User | null>(null);
  const csrfToken = ref<string | null>(null);
  /** Whether the page has asked the server for an existing session yet. */
  const restored = ref(false);
  /** Why the login page is shown, if not by choice: an ended session or an unreachable server. */
  const notice = ref<ApiError | null>(null);
  /** The password is past its age: the app shows only the change-password page. */
  const passwordExpired = ref(false);
  /** The second factor: still to give (`required`) or to bind first (`enrol`). */
  const secondFactor = ref<SecondFactorState>('none');

  const isAuthenticated = computed(() => user.value !== null);

  /** Whether the user holds a permission, such as `member:unmask`. */
  function can(permission: string): boolean {
    return user.value?.permissions?.includes(permission) ?? false;
  }

  function start(response: SessionResponse): void {
    user.value = response.user;
    csrfToken.value = response.csrf_token;
    passwordExpired.value = response.password_expired === true;
    secondFactor.value = response.second_factor ?? 'none';
    notice.value = null;
    restored.value = true;
  }

  function clear(): void {
    user.value = null;
    csrfToken.value = null;
    secondFactor.value = 'none';
  }

  /** Picks up a session that the cookie still holds (after a reload); once per page load. */
  async function restore(): Promise<void> {
    if (restored.value) return;
    try {
      start(await getMe());
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      clear();
      // No session is the usual reason to land here and needs no message; anything else does.
      if (error.status !== 401) notice.value = error;
    } finally {
      restored.value = true;
    }
  }

  async function login(username: string, password: string): Promise<void> {
    start(await createSession(username, password));
  }

  /** The code from the authenticator app, or a recovery code, after the password. */
  async function verifySecondFactor(code: string, recoveryCode = false): Promise<void> {
    start(await sendSecondFactor(code, recoveryCode));
  }

  /** The authenticator is bound: the session may now work. */
  function secondFactorEnrolled(): void {
    secondFactor.value = 'none';
  }

  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await postPassword(currentPassword, newPassword);
    passwordExpired.value = false;
  }

  /** Ends the session on the server; a session that had already ended counts as done. */
  async function logout(): Promise<void> {
    try {
      await deleteSession();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    clear();
    notice.value = null;
  }

  /** Forgets a session the server says has ended, keeping the reason to show. */
  function end(reason: ApiError): void {
    clear();
    notice.value = reason;
  }

  return {
    user,
    csrfToken,
    restored,
    notice,
    passwordExpired,
    secondFactor,
    isAuthenticated,
    verifySecondFactor,
    secondFactorEnrolled,
    changePassword,
    can,
    restore,
    login,
    logout,
    end,
  };
});

export type SessionStore = ReturnType<typeof useSessionStore>;
