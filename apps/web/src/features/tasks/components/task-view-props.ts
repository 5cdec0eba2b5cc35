import type { BoardSearch } from '../model/board-search.ts';
import type { Member, Task } from '../model/task-types.ts';

/** What the board gives either view of its tasks, the list or the kanban. */
export type TaskViewProps = {
  workspaceId: string;
  search: BoardSearch;
  members: ReadonlyMap<string, Member>;
  selectedId: string | null;
  onToggleDone: (task: Task) => void;
  onClearFilters: () => void;
  onDraggingChange: (dragging: boolean) => void;
};
