import {
  dayOfMonth,
  formatDay,
  isoDay,
  monthIndex,
  nextMonday,
  nextMonthDay,
  nextWeekday,
  relativeDay,
  todayIn,
  weekdayIndex,
  weekdayNextWeek,
} from './quick-add-dates.ts';
import { MAX_LABELS, TASK_PRIORITIES } from './task-values.ts';

type TaskPriority = (typeof TASK_PRIORITIES)[number];

export type QuickAddMember = { id: string; name: string; email?: string };

export type QuickAddToken = {
  kind: 'date' | 'priority' | 'label' | 'assignee';
  /** The words as typed, and where they stand in the text (`end` exclusive). */
  text: string;
  start: number;
  end: number;
};

export type QuickAddResult = {
  /** What is left once the understood words are taken out; empty when there is nothing else. */
  title: string;
  /** `YYYY-MM-DD` on the calendar of the given time zone. */
  dueDate: string | undefined;
  priority: TaskPriority | undefined;
  labels: string[];
  /** The id of the one member the mention names. */
  assignee: string | undefined;
  tokens: QuickAddToken[];
};

export type QuickAddOptions = {
  now: Date;
  timeZone: string;
  members: readonly QuickAddMember[];
  /** The workspace's labels: `#Web` takes the spelling of an existing `web`. */
  labels?: readonly string[];
};

type Word = { text: string; start: number; end: number };

const LABEL = /^#([^\s#@!]{1,50})$/;
const PRIORITY = /^!([a-z]+)$/i;
const MENTION = /^@(\S+)$/;

/** A date phrase of one or two words at `words[i]`: its date and how many words it takes. */
function dateAt(words: readonly Word[], i: number, today: number) {
  const first = words[i]?.text.toLowerCase() ?? '';
  const second = words[i + 1]?.text.toLowerCase();
  if (second !== undefined) {
    if (first === 'next' && second === 'week') return { day: nextMonday(today), length: 2 };
    const nextDay = first === 'next' ? weekdayIndex(second) : undefined;
    if (nextDay !== undefined) return { day: weekdayNextWeek(today, nextDay), length: 2 };
    const monthFirst = monthIndex(first);
    const dateSecond = dayOfMonth(second);
    if (monthFirst !== undefined && dateSecond !== undefined) {
      const day = nextMonthDay(today, monthFirst, dateSecond);
      if (day !== undefined) return { day, length: 2 };
    }
    const dateFirst = dayOfMonth(first);
    const monthSecond = monthIndex(second);
    if (dateFirst !== undefined && monthSecond !== undefined) {
      const day = nextMonthDay(today, monthSecond, dateFirst);
      if (day !== undefined) return { day, length: 2 };
    }
  }
  if (first === 'today') return { day: today, length: 1 };
  if (first === 'tomorrow') return { day: relativeDay(today, 1), length: 1 };
  const weekday = weekdayIndex(first);
  if (weekday !== undefined) return { day: nextWeekday(today, weekday), length: 1 };
  const iso = isoDay(first);
  if (iso !== undefined) return { day: iso, length: 1 };
  return undefined;
}

function findMember(query: string, members: readonly QuickAddMember[]) {
  const wanted = query.toLowerCase();
  const namesOf = (member: QuickAddMember) => {
    const name = member.name.toLowerCase();
    const email = member.email?.toLowerCase();
    return [name, name.replaceAll(/\s+/g, ''), ...(email ? [email, email.split('@')[0]] : [])];
  };
  const exact = members.filter((member) => namesOf(member).some((name) => name === wanted));
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) return undefined;
  const prefixed = members.filter((member) =>
    namesOf(member).some((name) => name?.startsWith(wanted)),
  );
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

const isPriority = (value: string): value is TaskPriority =>
  (TASK_PRIORITIES as readonly string[]).includes(value);

/**
 * Reads a quick-add line such as `Ship release tomorrow !high #web @Sam`: a due date, a
 * priority, labels and an assignee come out of the words, the rest is the title. The first date,
 * priority and mention found count; any later one stays in the title as typed, as does anything
 * not understood (an unknown `@name`, `!soon`, `31 apr`). Pure: the clock and the time zone are
 * given, so the web app and the tests read a line alike.
 */
export function parseQuickAdd(text: string, options: QuickAddOptions): QuickAddResult {
  const words: Word[] = [...text.matchAll(/\S+/g)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
  const today = todayIn(options.now, options.timeZone);
  const known = new Map((options.labels ?? []).map((label) => [label.toLowerCase(), label]));
  const result: QuickAddResult = {
    title: '',
    dueDate: undefined,
    priority: undefined,
    labels: [],
    assignee: undefined,
    tokens: [],
  };
  const take = (kind: QuickAddToken['kind'], from: Word, to: Word = from) =>
    result.tokens.push({
      kind,
      text: text.slice(from.start, to.end),
      start: from.start,
      end: to.end,
    });

  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] as Word;
    const date = result.dueDate === undefined ? dateAt(words, i, today) : undefined;
    if (date) {
      result.dueDate = formatDay(date.day);
      take('date', word, words[i + date.length - 1]);
      i += date.length - 1;
      continue;
    }
    const priority = PRIORITY.exec(word.text)?.[1]?.toLowerCase();
    if (priority && isPriority(priority) && result.priority === undefined) {
      result.priority = priority;
      take('priority', word);
      continue;
    }
    const label = LABEL.exec(word.text)?.[1];
    if (label && result.labels.length < MAX_LABELS) {
      const canonical = known.get(label.toLowerCase()) ?? label;
      const lower = canonical.toLowerCase();
      if (!result.labels.some((held) => held.toLowerCase() === lower)) {
        result.labels.push(canonical);
      }
      take('label', word);
      continue;
    }
    const mention = MENTION.exec(word.text)?.[1];
    const member =
      mention && result.assignee === undefined ? findMember(mention, options.members) : undefined;
    if (member) {
      result.assignee = member.id;
      take('assignee', word);
    }
  }

  let rest = '';
  let from = 0;
  for (const token of result.tokens) {
    rest += `${text.slice(from, token.start)} `;
    from = token.end;
  }
  rest += text.slice(from);
  result.title = rest.replaceAll(/\s+/g, ' ').trim();
  return result;
}
