import { describe, expect, it } from 'vitest';
import { insertMention, matchMembers, mentionAt } from './mentions.ts';
import type { Member } from './task-types.ts';

const member = (userId: string, name: string, email: string): Member => ({
  userId,
  name,
  email,
  role: 'member',
  joinedAt: '2026-01-01T00:00:00.000Z',
});
const kim = member('u-kim', 'Kim Lee', 'kim@example.com');
const sam = member('u-sam', 'Sam Ortiz', 'sortiz@example.com');

describe('mentions', () => {
  it.each([
    ['@', 1, { start: 0, query: '' }],
    ['hi @ki', 6, { start: 3, query: 'ki' }],
    ['hi @ki there', 6, { start: 3, query: 'ki' }],
    ['mail a@b', 8, null],
    ['hi @kim there', 13, null],
  ])('finds the mention being typed in %j', (text, caret, expected) => {
    expect(mentionAt(text, caret)).toEqual(expected);
  });

  it('matches a name, a word of it or an email', () => {
    expect(matchMembers([kim, sam], 'lee')).toEqual([kim]);
    expect(matchMembers([kim, sam], 'SORT')).toEqual([sam]);
    expect(matchMembers([kim, sam], 'kimle')).toEqual([kim]);
    expect(matchMembers([kim, sam], '')).toEqual([kim, sam]);
  });

  it('writes the mention in place of what was typed', () => {
    expect(insertMention('hi @ki there', { start: 3, query: 'ki' }, kim)).toEqual({
      text: 'hi @[Kim Lee](mention:u-kim) there',
      caret: 29,
    });
    expect(insertMention('@k', { start: 0, query: 'k' }, kim).text).toBe(
      '@[Kim Lee](mention:u-kim) ',
    );
  });
});
