import { z } from 'zod';
import { requestBody } from './named.ts';
import { listOf } from './pagination.ts';
import { Label } from './tasks.ts';

/** The palette a label's colour comes from: names, so that each theme picks its own shades. */
export const LABEL_COLOURS = [
  'gray',
  'red',
  'orange',
  'amber',
  'green',
  'teal',
  'blue',
  'indigo',
  'purple',
  'pink',
] as const;
export const LabelColour = z.enum(LABEL_COLOURS).meta({ id: 'LabelColour' });
export type LabelColour = z.infer<typeof LabelColour>;

/** The most labels a workspace can define. */
export const MAX_WORKSPACE_LABELS = 500;

export const WorkspaceLabel = z
  .object({
    id: z.uuid().nullable().describe('Null for a label tasks use that has not been defined'),
    name: z.string().max(50),
    colour: LabelColour.nullable().describe('Null: shown in a neutral colour'),
  })
  .meta({ id: 'WorkspaceLabel' });
export type WorkspaceLabel = z.infer<typeof WorkspaceLabel>;

export const WorkspaceLabelList = listOf(WorkspaceLabel, MAX_WORKSPACE_LABELS * 2)
  .describe('Defined labels, then labels in use on tasks without a definition; by name')
  .meta({ id: 'WorkspaceLabelList' });
export type WorkspaceLabelList = z.infer<typeof WorkspaceLabelList>;

export const CreateLabelBody = requestBody('CreateLabelBody', {
  name: Label,
  colour: LabelColour.default('gray'),
});
export type CreateLabelBody = z.input<typeof CreateLabelBody>;

export const UpdateLabelBody = z
  .object({ name: Label.optional(), colour: LabelColour.optional() })
  .strict()
  .refine(
    (body) => body.name !== undefined || body.colour !== undefined,
    'Change the name or the colour',
  )
  .meta({ id: 'UpdateLabelBody' });
export type UpdateLabelBody = z.input<typeof UpdateLabelBody>;

export const LabelParams = z.object({ workspaceId: z.uuid(), labelId: z.uuid() });
