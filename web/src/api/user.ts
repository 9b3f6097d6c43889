import { request, toQuery, type Page, type Paging } from './client';
import type { NamedRef } from './org';

/** The duty of a role (三员分立): staff work, or one of the three separated administrators. */
export type RoleDuty = 'staff' | 'system' | 'security' | 'audit';

/** A role as a user's record names it. */
export interface RoleRef {
  name: string;
  display_name: string;
  duty: RoleDuty;
}

/** A login account, as the user administration sees it. */
export interface UserAccount {
  id: number;
  org: NamedRef;
  username: string;
  display_name: string;
  role: RoleRef;
  disabled: boolean;
  locked: boolean;
  second_factor: boolean;
  must_change_password: boolean;
  /** Unix seconds. */
  created_at: number;
}

/** A user with a password the server generated: shown once, changed at the next login. */
export interface UserWithPassword {
  user: UserAccount;
  initial_password: string;
}

export interface UserFilters extends Paging {
  org?: number;
  q?: string;
}

export interface UserInput {
  org_id: number;
  username: string;
  display_name: string;
  /** A staff role's name, such as `street_admin`. */
  role: string;
}

export type UserPatch = Partial<Omit<UserInput, 'username'>> & { disabled?: boolean };

/**
 * The staff roles every deployment has. The system administrator may not read the role list
 * (role:read belongs to the security administrator), so the user form offers these by name.
 */
export const BUILTIN_STAFF_ROLES = [
  'city_admin',
  'district_admin',
  'street_admin',
  'community_admin',
  'unit_admin',
] as const;

function userPath(userId: number): string {
  return `/users/${encodeURIComponent(userId)}`;
}

export function listUsers(filters: UserFilters): Promise<Page<UserAccount>> {
  return request<Page<UserAccount>>(`/users${toQuery({ ...filters, q: filters.q?.trim() })}`);
}

export function createUser(input: UserInput): Promise<UserWithPassword> {
  return request<UserWithPassword>('/users', { method: 'POST', body: input });
}

export function updateUser(userId: number, patch: UserPatch): Promise<UserAccount> {
  return request<UserAccount>(userPath(userId), { method: 'PATCH', body: patch });
}

/** A new random password; the user's sessions end and the account is unlocked. */
export function resetUserPassword(userId: number): Promise<UserWithPassword> {
  return request<UserWithPassword>(`${userPath(userId)}/reset-password`, { method: 'POST' });
}

/** Removes the user's second factor, to be enrolled anew at the next login. */
export function resetUserSecondFactor(userId: number): Promise<UserAccount> {
  return request<UserAccount>(`${userPath(userId)}/reset-second-factor`, { method: 'POST' });
}
