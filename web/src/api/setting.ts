import { request } from './client';

/** A deployment setting or security policy, with its rule and who may change it. */
export interface Setting {
  name: string;
  /** As stored: `true`/`false` or a decimal integer. */
  value: string;
  default_value: string;
  kind: 'bool' | 'integer';
  /** The permission a change needs: `setting:write` or `policy:write`. */
  permission: string;
  min: number;
  max: number;
  /** Unix seconds; null while the default applies. */
  updated_at: number | null;
  updated_by: number | null;
}

export function listSettings(): Promise<{ items: Setting[] }> {
  return request<{ items: Setting[] }>('/settings');
}

export function updateSetting(name: string, value: boolean | number): Promise<Setting> {
  return request<Setting>(`/settings/${encodeURIComponent(name)}`, {
    method: 'PUT',
    body: { value },
  });
}
