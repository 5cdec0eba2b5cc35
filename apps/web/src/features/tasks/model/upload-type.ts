import { ATTACHMENT_TYPES, type AttachmentType } from '@taskflow/contract';

/**
 * The type to announce for a file sent straight to storage, or null when the API takes no file
 * of its type. The API checks it against the content when the upload completes. Browsers name
 * text files by their extension (text/markdown, text/csv) or not at all: the API reads UTF-8 text
 * as text/plain.
 */
export function declaredType(file: { type: string }): AttachmentType | null {
  const known = ATTACHMENT_TYPES.find((type) => type === file.type);
  if (known) return known;
  return file.type === '' || file.type.startsWith('text/') ? 'text/plain' : null;
}
