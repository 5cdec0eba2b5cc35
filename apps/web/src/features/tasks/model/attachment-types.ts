import type { components } from '@taskflow/contract/openapi';

export type Attachment = components['schemas']['Attachment'];
export type AttachmentList = components['schemas']['AttachmentList'];

/** How large a file may be, and whether it goes straight to storage. */
export type UploadLimits = AttachmentList['upload'];
