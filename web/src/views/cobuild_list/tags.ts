/** The tags typed in one field, separated by commas (either width) or spaces, without repeats. */
export function splitTags(text: string): string[] {
  const tags = text
    .split(/[,，、\s]+/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  return [...new Set(tags)];
}

/** Funds are kept in fen and shown in yuan. */
export function yuan(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}
