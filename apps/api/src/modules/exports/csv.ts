/**
 * RFC 4180 CSV. A cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return) is prefixed with `'`, so an exported task title cannot run in
 * the spreadsheet of whoever opens the file (OWASP "CSV injection").
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * What a CSV file starts with as downloaded: the UTF-8 byte order mark, without which Excel on
 * Windows reads the file in the system's code page and mangles every accented name. Added when
 * the file is sent, not stored (a database driver's UTF-8 decoder may drop a leading one).
 */
export const UTF8_BOM = '\uFEFF';

/** Rows joined with CRLF, as RFC 4180 has them; the file ends with a line break. */
export function toCsv(rows: (string | number | null)[][]): string {
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
