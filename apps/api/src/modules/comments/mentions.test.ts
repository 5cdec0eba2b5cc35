import { describe, expect, it } from 'vitest';
import { type Mentionable, mentionedIn } from './mentions.ts';

const sam: Mentionable = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Sam Lee',
  email: 'sam@example.com',
};
const kim: Mentionable = {
  id: '22222222-2222-4222-8222-222222222222',
  name: 'Kim',
  email: 'k.park@example.com',
};
const otherSam: Mentionable = {
  id: '33333333-3333-4333-8333-333333333333',
  name: 'Sam',
  email: 'sam@elsewhere.example',
};

describe('mentions', () => {
  it('finds members by name without spaces or by email, each once, in any case', () => {
    expect(mentionedIn('@SamLee and @k.park, then @kim again.', [sam, kim])).toEqual([
      sam.id,
      kim.id,
    ]);
  });

  it('finds a linked mention by id, and only for a member', () => {
    const text = `Hi @[Samuel](mention:${sam.id}) and @[Ghost](mention:44444444-4444-4444-8444-444444444444)`;
    expect(mentionedIn(text, [sam, kim])).toEqual([sam.id]);
  });

  it('ignores emails, unknown and ambiguous handles', () => {
    expect(mentionedIn('write to sam@example.com or @nobody', [sam, kim])).toEqual([]);
    // Two members answer to `sam` (an email's local part): nobody is mentioned by it.
    expect(mentionedIn('@sam', [sam, otherSam])).toEqual([]);
    expect(mentionedIn('@samlee', [sam, otherSam])).toEqual([sam.id]);
  });
});
