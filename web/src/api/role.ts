import { request } from './client';
import type { RoleDuty } from './user';

/** A role with its permissions and how many users hold it. */
export interface Role {
  name: string;
  display_name: string;
  duty: RoleDuty;
  builtin: boolean;
  permissions: string[];
  user_count: number;
}

/** A permission of the catalogue; `shared` ones (setting:read) belong to more than one duty. */
export interface PermissionDefinition {
  name: string;
  duty: RoleDuty | 'shared';
}

export interface RoleList {
  items: Role[];
  permissions: PermissionDefinition[];
}

export interface RoleInput {
  name: string;
  display_name: string;
  permissions: string[];
}

export type RolePatch = Partial<Omit<RoleInput, 'name'>>;

function rolePath(name: string): string {
  return `/roles/${encodeURIComponent(name)}`;
}

/** Every role, and the permission catalogue a staff role may draw from. */
export function listRoles(): Promise<RoleList> {
  return request<RoleList>('/roles');
}

export function createRole(input: RoleInput): Promise<Role> {
  return request<Role>('/roles', { method: 'POST', body: input });
}

export function updateRole(name: string, patch: RolePatch): Promise<Role> {
  return request<Role>(rolePath(name), { method: 'PATCH', body: patch });
}

/** Deletes a custom role that no user holds. */
export function deleteRole(name: string): Promise<void> {
  return request<void>(rolePath(name), { method: 'DELETE' });
}
