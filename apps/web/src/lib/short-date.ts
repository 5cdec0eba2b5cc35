const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A calendar date (`YYYY-MM-DD`) as the app writes it beside a task: "Dec 10", in English as the
 * rest of the interface. Written out rather than through `Intl.DateTimeFormat`, whose first use
 * loads the browser's date patterns: tens of milliseconds on a phone, in the board's first render.
 */
export function shortDate(date: string): string {
  const month = months[Number(date.slice(5, 7)) - 1];
  const day = Number(date.slice(8, 10));
  if (!month || !Number.isInteger(day) || day < 1) throw new RangeError(`not a date: ${date}`);
  return `${month} ${day}`;
}
