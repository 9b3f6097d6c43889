import { describe, expect, it } from 'vitest';
import {
  attendeeDraftOf,
  attendeeProblem,
  emptyAttendeeDraft,
  meetingDayReached,
  toAttendeeInput,
} from './joint_meeting';

describe('attendeeProblem', () => {
  const valid = { ...emptyAttendeeDraft(), person_name: '李红', post: '兼职副书记' };

  it.each([
    ['a present attendee with a name and a post', valid, null],
    ['no name', { ...valid, person_name: ' ' }, 'jointMeeting.attendeeNameRequired'],
    ['no post', { ...valid, post: '' }, 'jointMeeting.attendeePostRequired'],
    [
      'an absence without a reason',
      { ...valid, present: false },
      'jointMeeting.absenceReasonRequired',
    ],
    ['an absence with a reason', { ...valid, present: false, absence_reason: '出差' }, null],
  ])('finds %s', (_what, row, expected) => {
    expect(attendeeProblem(row)).toBe(expected);
  });
});

describe('attendee rows', () => {
  it('start present when the attendance is not recorded yet, and keep the unit', () => {
    const row = attendeeDraftOf({
      id: 1,
      person_name: '李红',
      unit: { id: 5, name: '东城区第一人民医院' },
      post: '兼职副书记',
      present: null,
      absence_reason: '',
    });
    expect(row).toMatchObject({ present: true, unit_id: 5 });
  });

  it('send a reason only for an absence, trimmed', () => {
    const row = { ...emptyAttendeeDraft(), person_name: ' 李红 ', post: '委员 ' };
    expect(toAttendeeInput({ ...row, absence_reason: '出差' })).toEqual({
      person_name: '李红',
      unit_id: null,
      post: '委员',
      present: true,
      absence_reason: '',
    });
    expect(
      toAttendeeInput({ ...row, present: false, absence_reason: ' 出差 ' }).absence_reason,
    ).toBe('出差');
  });
});

describe('meetingDayReached', () => {
  it('is reached on the day itself and after', () => {
    expect(meetingDayReached({ meeting_date: '2026-11-20' }, '2026-11-19')).toBe(false);
    expect(meetingDayReached({ meeting_date: '2026-11-20' }, '2026-11-20')).toBe(true);
    expect(meetingDayReached({ meeting_date: '2026-11-20' }, '2026-12-01')).toBe(true);
  });
});
