/** One statement of a repository SQL snapshot, under the name of the method that sent it. */
type SnapshotStatement = { section: string; text: string };

const transactionControl = /^(begin|commit|rollback)$/i;

/**
 * The statements of a snapshot written by `useSqlRecorder`: sections headed `-- <name>`, each
 * statement ending with `;` at the end of a line. Transaction control is left out.
 */
export function snapshotStatements(snapshot: string): SnapshotStatement[] {
  const statements: SnapshotStatement[] = [];
  let section = '';
  for (const chunk of snapshot.split(/;\n/)) {
    let text = chunk.replace(/^\n+/, '');
    const header = /^-- (.*)\n/.exec(text);
    if (header?.[1] !== undefined) {
      section = header[1];
      text = text.slice(header[0].length);
    }
    if (text.trim() && !transactionControl.test(text.trim())) statements.push({ section, text });
  }
  return statements;
}
