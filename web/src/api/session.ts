import type { OrgSummary } from './org';
import { request } from './client';

/** The logged-in user, as `GET /api/v1/me` returns it. */
export interface User {
  id: number;
  username: string;
  display_name: string;
  /** For example `street_admin`. */
  role: string;
  org: OrgSummary;
  /** What the user may do in their subtree, such as `member:write` and `member:unmask`. */
  permissions: string[];
}

/** The answer of logging in and of `GET /me`. */
export interface SessionResponse {
  user: User;
  csrf_token: string;
  /** When true, only changing the password (and logging out) works until it is changed. */
  password_expired?: boolean;
}

/** Logs in; the server sets the HttpOnly session cookie. A 401 here is a wrong password. */
export function createSession(username: string, password: string): Promise<SessionResponse> {
  return request<SessionResponse>('/session', {
    method: 'POST',
    body: { username, password },
    unauthorizedHook: 'skip',
  });
}

/** Logs out, ending the session on the server. */
export function deleteSession(): Promise<void> {
  return request<void>('/session', { method: 'DELETE' });
}

/** Returns the current user and CSRF token; 401 when there is no live session. */
export function getMe(): Promise<SessionResponse> {
  return request<SessionResponse>('/me');
}

/** Changes one's own password; the server ends the user's other sessions. */
export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return request<void>('/me/password', {
    method: 'POST',
    body: { current_password: currentPassword, new_password: newPassword },
  });
}
