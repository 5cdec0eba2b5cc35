import { describe, expect, it } from 'vitest';
import { parseQuickAdd, type QuickAddMember, type QuickAddResult } from './quick-add.ts';
import { CreateTaskBody } from './tasks.ts';

const members: QuickAddMember[] = [
  { id: 'u-sam', name: 'Sam Lee', email: 'sam@example.com' },
  { id: 'u-samantha', name: 'Samantha Ray', email: 'sr@example.com' },
  { id: 'u-alex', name: 'Alex Kim', email: 'alex@corp.io' },
];

// A Wednesday afternoon in UTC: still Wednesday 9 December in New York and in Berlin.
const WED = '2026-12-09T15:00:00Z';
const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';

type Row = {
  text: string;
  now?: string;
  zone?: string;
  labels?: string[];
  expected: Partial<QuickAddResult>;
};

const rows: Row[] = [
  // Words for days, from Wednesday 9 December 2026.
  { text: 'Pay rent today', expected: { title: 'Pay rent', dueDate: '2026-12-09' } },
  { text: 'Pay rent tomorrow', expected: { title: 'Pay rent', dueDate: '2026-12-10' } },
  { text: 'Pay rent TOMORROW', expected: { title: 'Pay rent', dueDate: '2026-12-10' } },
  { text: 'Demo fri', expected: { title: 'Demo', dueDate: '2026-12-11' } },
  { text: 'Demo Friday', expected: { title: 'Demo', dueDate: '2026-12-11' } },
  { text: 'Demo thurs', expected: { title: 'Demo', dueDate: '2026-12-10' } },
  { text: 'Demo sun', expected: { title: 'Demo', dueDate: '2026-12-13' } },
  { text: 'Demo mon', expected: { title: 'Demo', dueDate: '2026-12-14' } },
  // The same weekday as today is a week away: "wed" on a Wednesday is never today.
  { text: 'Demo wed', expected: { title: 'Demo', dueDate: '2026-12-16' } },
  { text: 'Plan next week', expected: { title: 'Plan', dueDate: '2026-12-14' } },
  { text: 'Next Week plan', expected: { title: 'plan', dueDate: '2026-12-14' } },
  { text: 'Plan next fri', expected: { title: 'Plan', dueDate: '2026-12-18' } },
  { text: 'Plan next mon', expected: { title: 'Plan', dueDate: '2026-12-14' } },
  { text: 'Plan next sunday', expected: { title: 'Plan', dueDate: '2026-12-20' } },
  // Month and day, either way round; the next such date, today included.
  { text: 'Party dec 12', expected: { title: 'Party', dueDate: '2026-12-12' } },
  { text: 'Party 12 dec', expected: { title: 'Party', dueDate: '2026-12-12' } },
  { text: 'Party December 12th', expected: { title: 'Party', dueDate: '2026-12-12' } },
  { text: 'Party dec 9', expected: { title: 'Party', dueDate: '2026-12-09' } },
  { text: 'Party dec 8', expected: { title: 'Party', dueDate: '2027-12-08' } },
  { text: 'Party jan 3', expected: { title: 'Party', dueDate: '2027-01-03' } },
  { text: 'Party 3rd Jan', expected: { title: 'Party', dueDate: '2027-01-03' } },
  { text: 'Leap feb 29', expected: { title: 'Leap', dueDate: '2028-02-29' } },
  { text: 'Party 2026-12-24', expected: { title: 'Party', dueDate: '2026-12-24' } },
  // Not dates: stay in the title.
  { text: 'Party apr 31', expected: { title: 'Party apr 31', dueDate: undefined } },
  { text: 'Party 2026-02-30', expected: { title: 'Party 2026-02-30', dueDate: undefined } },
  { text: 'Fix 3 bugs', expected: { title: 'Fix 3 bugs', dueDate: undefined } },
  { text: 'Call tomorrow, early', expected: { title: 'Call tomorrow, early', dueDate: undefined } },
  // Only the first date counts; a later one is part of the title.
  { text: 'Move fri to mon', expected: { title: 'Move to mon', dueDate: '2026-12-11' } },
  // Month end and year end.
  { text: 'Pay tomorrow', now: '2026-01-31T12:00:00Z', expected: { dueDate: '2026-02-01' } },
  { text: 'Pay mon', now: '2026-01-31T12:00:00Z', expected: { dueDate: '2026-02-02' } },
  { text: 'Pay tomorrow', now: '2026-02-28T12:00:00Z', expected: { dueDate: '2026-03-01' } },
  { text: 'Pay next week', now: '2026-02-28T12:00:00Z', expected: { dueDate: '2026-03-02' } },
  { text: 'Pay tomorrow', now: '2028-02-28T12:00:00Z', expected: { dueDate: '2028-02-29' } },
  { text: 'Pay tomorrow', now: '2026-12-31T12:00:00Z', expected: { dueDate: '2027-01-01' } },
  { text: 'Pay fri', now: '2026-12-31T12:00:00Z', expected: { dueDate: '2027-01-01' } },
  { text: 'Pay next week', now: '2026-12-31T12:00:00Z', expected: { dueDate: '2027-01-04' } },
  // Where UTC and the zone disagree on the date: the zone's calendar wins.
  {
    text: 'Toast today',
    now: '2026-12-31T23:30:00Z',
    zone: BERLIN,
    expected: { dueDate: '2027-01-01' },
  },
  {
    text: 'Toast today',
    now: '2026-12-31T23:30:00Z',
    zone: NY,
    expected: { dueDate: '2026-12-31' },
  },
  {
    text: 'Sleep tomorrow',
    now: '2026-12-10T03:00:00Z',
    zone: NY,
    expected: { dueDate: '2026-12-10' },
  },
  {
    text: 'Sleep tomorrow',
    now: '2026-12-10T03:00:00Z',
    zone: 'UTC',
    expected: { dueDate: '2026-12-11' },
  },
  // Daylight saving in New York: starts 8 March 2026, ends 1 November 2026.
  {
    text: 'Clocks today',
    now: '2026-03-08T06:30:00Z',
    zone: NY,
    expected: { dueDate: '2026-03-08' },
  },
  {
    text: 'Clocks tomorrow',
    now: '2026-03-08T07:30:00Z',
    zone: NY,
    expected: { dueDate: '2026-03-09' },
  },
  {
    text: 'Clocks today',
    now: '2026-03-09T03:30:00Z',
    zone: NY,
    expected: { dueDate: '2026-03-08' },
  },
  {
    text: 'Clocks tomorrow',
    now: '2026-11-02T04:30:00Z',
    zone: NY,
    expected: { dueDate: '2026-11-02' },
  },
  {
    text: 'Clocks mon',
    now: '2026-11-02T04:30:00Z',
    zone: NY,
    expected: { dueDate: '2026-11-02' },
  },
  // Daylight saving in Berlin: starts 29 March 2026, ends 25 October 2026.
  {
    text: 'Uhr today',
    now: '2026-03-28T23:30:00Z',
    zone: BERLIN,
    expected: { dueDate: '2026-03-29' },
  },
  {
    text: 'Uhr tomorrow',
    now: '2026-03-28T23:30:00Z',
    zone: BERLIN,
    expected: { dueDate: '2026-03-30' },
  },
  {
    text: 'Uhr mon',
    now: '2026-03-29T22:30:00Z',
    zone: BERLIN,
    expected: { dueDate: '2026-04-06' },
  },
  {
    text: 'Uhr tomorrow',
    now: '2026-10-25T22:30:00Z',
    zone: BERLIN,
    expected: { dueDate: '2026-10-26' },
  },
  // Priorities.
  { text: 'Patch !high', expected: { title: 'Patch', priority: 'high' } },
  { text: 'Patch !URGENT', expected: { title: 'Patch', priority: 'urgent' } },
  { text: 'Patch !low', expected: { title: 'Patch', priority: 'low' } },
  { text: 'Patch !medium', expected: { title: 'Patch', priority: 'medium' } },
  { text: 'Patch !soon', expected: { title: 'Patch !soon', priority: undefined } },
  { text: 'Patch !1', expected: { title: 'Patch !1', priority: undefined } },
  { text: 'Patch !low !high', expected: { title: 'Patch !high', priority: 'low' } },
  { text: 'Wow!high', expected: { title: 'Wow!high', priority: undefined } },
  // Labels: existing spelling wins, each once.
  { text: 'Style #web', expected: { title: 'Style', labels: ['web'] } },
  { text: 'Style #Web #api', labels: ['web'], expected: { labels: ['web', 'api'] } },
  { text: 'Style #web #WEB', expected: { title: 'Style', labels: ['web'] } },
  { text: 'Style # here', expected: { title: 'Style # here', labels: [] } },
  { text: `Style #${'x'.repeat(51)}`, expected: { labels: [] } },
  // Mentions: names and emails, case-insensitive, exact or a unique prefix.
  { text: 'Review @Sam', expected: { title: 'Review', assignee: 'u-sam' } },
  { text: 'Review @sama', expected: { title: 'Review', assignee: 'u-samantha' } },
  { text: 'Review @al', expected: { title: 'Review', assignee: 'u-alex' } },
  { text: 'Review @ALEX@CORP.IO', expected: { title: 'Review', assignee: 'u-alex' } },
  { text: 'Review @samlee', expected: { title: 'Review', assignee: 'u-sam' } },
  { text: 'Review @s', expected: { title: 'Review @s', assignee: undefined } },
  { text: 'Review @bob', expected: { title: 'Review @bob', assignee: undefined } },
  { text: 'Review @alex @sama', expected: { title: 'Review @sama', assignee: 'u-alex' } },
  // Everything at once, in any order, with the title around it.
  {
    text: 'tomorrow !high #web @Sam',
    expected: {
      title: '',
      dueDate: '2026-12-10',
      priority: 'high',
      labels: ['web'],
      assignee: 'u-sam',
    },
  },
  {
    text: '  Ship   #web the release @alex  dec 24 !urgent ',
    expected: {
      title: 'Ship the release',
      dueDate: '2026-12-24',
      priority: 'urgent',
      labels: ['web'],
      assignee: 'u-alex',
    },
  },
  { text: 'Plain title', expected: { title: 'Plain title', dueDate: undefined, labels: [] } },
];

describe('parseQuickAdd', () => {
  it.each(rows)(
    'reads "$text" ($zone at $now)',
    ({ text, now = WED, zone = NY, labels, expected }) => {
      const result = parseQuickAdd(text, { now: new Date(now), timeZone: zone, members, labels });
      expect(result).toMatchObject(expected);
    },
  );

  it('says where each understood part stands in the text', () => {
    const text = 'Ship tomorrow !high #web @Sam';
    const { tokens } = parseQuickAdd(text, { now: new Date(WED), timeZone: NY, members });
    expect(tokens).toEqual([
      { kind: 'date', text: 'tomorrow', start: 5, end: 13 },
      { kind: 'priority', text: '!high', start: 14, end: 19 },
      { kind: 'label', text: '#web', start: 20, end: 24 },
      { kind: 'assignee', text: '@Sam', start: 25, end: 29 },
    ]);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('takes both words of a two-word date as one part', () => {
    const text = 'Party dec 12';
    const { tokens } = parseQuickAdd(text, { now: new Date(WED), timeZone: NY, members });
    expect(tokens).toEqual([{ kind: 'date', text: 'dec 12', start: 6, end: 12 }]);
  });

  it('leaves no title when there are only parts, which a task refuses', () => {
    const result = parseQuickAdd('tomorrow !high', { now: new Date(WED), timeZone: NY, members });
    expect(result.title).toBe('');
    expect(CreateTaskBody.safeParse({ title: result.title }).success).toBe(false);
  });
});
