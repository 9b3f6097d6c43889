import { request, toQuery } from './client';
import type { NamedRef } from './org';

export type TransferStatus = 'requested' | 'accepted' | 'refused';
export type TransferDirection = 'incoming' | 'outgoing';

/** A transfer of membership (组织关系转接) from one org to another. */
export interface Transfer {
  id: number;
  member: NamedRef;
  from_org: NamedRef;
  to_org: NamedRef;
  status: TransferStatus;
  reason: string;
  decision_reason: string;
  /** ISO 8601, UTC. */
  requested_at: string;
  decided_at: string | null;
}

/** Asks the receiving org to take the member. */
export function createTransfer(
  memberId: number,
  input: { to_org_id: number; reason: string },
): Promise<Transfer> {
  return request<Transfer>(`/members/${encodeURIComponent(memberId)}/transfers`, {
    method: 'POST',
    body: input,
  });
}

/** Transfers to (incoming) or from (outgoing) the user's subtree. */
export async function listTransfers(filters: {
  direction: TransferDirection;
  status?: TransferStatus;
}): Promise<Transfer[]> {
  const body = await request<{ items: Transfer[] }>(`/transfers${toQuery(filters)}`);
  return body.items;
}

/** The transfer history of one member, newest first as the server orders it. */
export async function listMemberTransfers(memberId: number): Promise<Transfer[]> {
  const body = await request<{ items: Transfer[] }>(
    `/members/${encodeURIComponent(memberId)}/transfers`,
  );
  return body.items;
}

export function acceptTransfer(transferId: number): Promise<Transfer> {
  return request<Transfer>(`/transfers/${encodeURIComponent(transferId)}/accept`, {
    method: 'POST',
  });
}

/** Sends the member back; the reason is required. */
export function refuseTransfer(transferId: number, reason: string): Promise<Transfer> {
  return request<Transfer>(`/transfers/${encodeURIComponent(transferId)}/refuse`, {
    method: 'POST',
    body: { reason },
  });
}
