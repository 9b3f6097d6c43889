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

/**
 * Where a login stands on the second factor: `none` signed in; `required` the TOTP code (or a
 * recovery code) comes next; `enrol` signed in, but only one's own account answers until an
 * authenticator is bound (administrators always; all staff if the security policy says so).
 */
export type SecondFactorState = 'none' | 'required' | 'enrol';

/** The answer of logging in and of `GET /me`. */
export interface SessionResponse {
  user: User;
  csrf_token: string;
  /** When true, only changing the password (and logging out) works until it is changed. */
  password_expired?: boolean;
  second_factor?: SecondFactorState;
}

export interface SecondFactorStatus {
  enrolled: boolean;
  required: boolean;
  recovery_codes_left: number;
}

export interface SecondFactorEnrolment {
  /** Base32, for typing into an authenticator app by hand. */
  secret: string;
  /** The otpauth:// address the QR code carries. */
  uri: string;
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

/** The second step of a login; the server replaces the session (new cookie and CSRF token). */
export function sendSecondFactor(code: string, recoveryCode = false): Promise<SessionResponse> {
  return request<SessionResponse>('/session/second-factor', {
    method: 'POST',
    body: recoveryCode ? { recovery_code: code } : { code },
    unauthorizedHook: 'skip',
  });
}

export function getSecondFactorStatus(): Promise<SecondFactorStatus> {
  return request<SecondFactorStatus>('/me/second-factor');
}

/** Starts binding an authenticator: a new secret, valid once confirmed by a first code. */
export function startEnrolment(): Promise<SecondFactorEnrolment> {
  return request<SecondFactorEnrolment>('/me/second-factor/enrolment', { method: 'POST' });
}

/** Confirms the binding with a first code; returns the ten one-time recovery codes. */
export function confirmEnrolment(code: string): Promise<{ recovery_codes: string[] }> {
  return request<{ recovery_codes: string[] }>('/me/second-factor/enrolment/confirm', {
    method: 'POST',
    body: { code },
  });
}
