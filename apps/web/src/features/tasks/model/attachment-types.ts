import type { Attachment, AttachmentList } from '@taskflow/contract';

export type { Attachment, AttachmentList };

/** How large a file may be, and whether it goes straight to storage. */
export type UploadLimits = AttachmentList['upload'];
