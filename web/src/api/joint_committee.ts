import { request } from './client';
import type { NamedRef } from './org';

/** A member of a joint committee, often part-time from a resident unit. */
export interface JointCommitteeMember {
  id: number;
  person_name: string;
  unit: NamedRef | null;
  post: string;
  part_time: boolean;
  term_start: string;
  term_end: string | null;
}

/** A street's 大工委 or a community's 大党委. */
export interface JointCommittee {
  id: number;
  org_id: number;
  scope: 'street' | 'community';
  name: string;
  members: JointCommitteeMember[];
}

export interface JointCommitteeMemberInput {
  person_name: string;
  unit_id: number | null;
  post: string;
  part_time: boolean;
  term_start: string;
  term_end: string | null;
}

function committeePath(orgId: number): string {
  return `/orgs/${encodeURIComponent(orgId)}/joint-committee`;
}

/** The org's joint committee; 404 joint_committee.not_found when it has none yet. */
export function getJointCommittee(orgId: number): Promise<JointCommittee> {
  return request<JointCommittee>(committeePath(orgId));
}

/** Creates the committee or renames it. */
export function saveJointCommittee(orgId: number, name: string): Promise<JointCommittee> {
  return request<JointCommittee>(committeePath(orgId), { method: 'PUT', body: { name } });
}

export function addJointCommitteeMember(
  orgId: number,
  input: JointCommitteeMemberInput,
): Promise<JointCommitteeMember> {
  return request<JointCommitteeMember>(`${committeePath(orgId)}/members`, {
    method: 'POST',
    body: input,
  });
}

export function updateJointCommitteeMember(
  memberId: number,
  patch: Partial<JointCommitteeMemberInput>,
): Promise<JointCommitteeMember> {
  return request<JointCommitteeMember>(`/joint-committee-members/${encodeURIComponent(memberId)}`, {
    method: 'PATCH',
    body: patch,
  });
}

export function deleteJointCommitteeMember(memberId: number): Promise<void> {
  return request<void>(`/joint-committee-members/${encodeURIComponent(memberId)}`, {
    method: 'DELETE',
  });
}
