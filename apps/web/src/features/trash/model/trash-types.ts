import type { components } from '@taskflow/contract/openapi';

export type TrashPage = components['schemas']['TrashPage'];
