import { createFileRoute } from '@tanstack/react-router';

/** The board without a task open: the layout above draws it all. */
export const Route = createFileRoute('/_authenticated/w/$workspaceId/_board/')({});
