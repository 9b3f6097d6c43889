import { request, toQuery } from './client';
import type { NamedRef, OrgRef } from './org';

/** The levels a duty list is written for (四级联动). */
export const DUTY_LEVELS = ['city', 'district', 'street', 'community'] as const;
export type DutyLevel = (typeof DUTY_LEVELS)[number];

/** 主体责任 / 第一责任 / 直接责任 / 落实责任. */
export const RESPONSIBILITY_KINDS = ['principal', 'first', 'direct', 'executing'] as const;
export type ResponsibilityKind = (typeof RESPONSIBILITY_KINDS)[number];

/** The kind the server picks when none is sent: one per level, top down. */
export const DEFAULT_RESPONSIBILITY_KIND: Record<DutyLevel, ResponsibilityKind> = {
  city: 'principal',
  district: 'first',
  street: 'direct',
  community: 'executing',
};

export type Department = NamedRef;

/** One item of a duty list (责任清单), binding the orgs of `level` below its writer. */
export interface DutyItem {
  id: number;
  /** The org that wrote it. */
  org: OrgRef;
  year: number;
  level: DutyLevel;
  responsibility_kind: ResponsibilityKind;
  description: string;
  department: Department;
  sort_order: number;
}

export interface DutyItemInput {
  year: number;
  level: DutyLevel;
  responsibility_kind?: ResponsibilityKind;
  description: string;
  department_id: number;
  sort_order?: number;
}

export type DutyItemPatch = Partial<Omit<DutyItemInput, 'year' | 'level'>>;

function dutyItemPath(itemId: number): string {
  return `/duty-items/${encodeURIComponent(itemId)}`;
}

export async function listDepartments(): Promise<Department[]> {
  return (await request<{ items: Department[] }>('/departments')).items;
}

/** The items of a year (and level) that bind the user's subtree or were written in it. */
export async function listDutyItems(filters: {
  year: number;
  level?: DutyLevel;
}): Promise<DutyItem[]> {
  const query = toQuery({ year: filters.year, level: filters.level });
  return (await request<{ items: DutyItem[] }>(`/duty-items${query}`)).items;
}

export function createDutyItem(input: DutyItemInput): Promise<DutyItem> {
  return request<DutyItem>('/duty-items', { method: 'POST', body: input });
}

export function updateDutyItem(itemId: number, patch: DutyItemPatch): Promise<DutyItem> {
  return request<DutyItem>(dutyItemPath(itemId), { method: 'PATCH', body: patch });
}

/** Refused with duty.in_use while a task or supervision links to the item. */
export function deleteDutyItem(itemId: number): Promise<void> {
  return request<void>(dutyItemPath(itemId), { method: 'DELETE' });
}

/** Copies the user's org's list of one year to another; returns how many items it created. */
export async function copyDutyItems(fromYear: number, toYear: number): Promise<number> {
  const body = await request<{ created: number }>('/duty-items/copy', {
    method: 'POST',
    body: { from_year: fromYear, to_year: toYear },
  });
  return body.created;
}
