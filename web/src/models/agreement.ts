import type { CommitmentKind } from '@/api/agreement';

/** A commitment's quantity as people read it: funds (kept in fen) in yuan, the rest as counts. */
export function formatQuantity(kind: CommitmentKind, quantity: number): string {
  if (kind !== 'funds') return String(quantity);
  const yuan = quantity / 100;
  return `${Number.isInteger(yuan) ? yuan : yuan.toFixed(2)} 元`;
}
