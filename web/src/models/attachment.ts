/** The largest evidence file the server takes: 20 MiB. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** The kinds the server accepts (features/attachment/attachment_store.cpp checks the bytes; this, the name first). */
export const ATTACHMENT_EXTENSIONS = [
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'docx',
  'xlsx',
  'doc',
  'xls',
  'pptx',
] as const;

/** The `accept` attribute of the file input. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_EXTENSIONS.map((extension) => `.${extension}`).join(
  ',',
);

/** Why a file cannot be sent, as the server's error code would say it; null when it can. */
export function attachmentProblem(file: {
  name: string;
  size: number;
}): 'attachment.too_large' | 'attachment.type_not_allowed' | 'attachment.empty' | null {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  if (
    !file.name.includes('.') ||
    !(ATTACHMENT_EXTENSIONS as readonly string[]).includes(extension)
  ) {
    return 'attachment.type_not_allowed';
  }
  if (file.size === 0) return 'attachment.empty';
  if (file.size > ATTACHMENT_MAX_BYTES) return 'attachment.too_large';
  return null;
}

/** `1.5 MB`, `320 KB`, `12 B`. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** Uploads the files one after another and returns their ids in order. */
export async function uploadAll(
  files: readonly File[],
  upload: (file: File) => Promise<{ id: number }>,
): Promise<number[]> {
  const ids: number[] = [];
  for (const file of files) ids.push((await upload(file)).id);
  return ids;
}
