import type { AttendeeInput, JointMeeting, JointMeetingAttendee } from '@/api/joint_meeting';

/** An attendee row of the minutes form; `present` is a switch, so never unknown there. */
export interface AttendeeDraft {
  person_name: string;
  unit_id: number | null;
  unit: { id: number; name: string } | null;
  post: string;
  present: boolean;
  absence_reason: string;
}

/** A row of the minutes form from an attendee as the server has them; unrecorded counts as present. */
export function attendeeDraftOf(attendee: JointMeetingAttendee): AttendeeDraft {
  return {
    person_name: attendee.person_name,
    unit_id: attendee.unit?.id ?? null,
    unit: attendee.unit,
    post: attendee.post,
    present: attendee.present ?? true,
    absence_reason: attendee.absence_reason,
  };
}

export function emptyAttendeeDraft(): AttendeeDraft {
  return {
    person_name: '',
    unit_id: null,
    unit: null,
    post: '',
    present: true,
    absence_reason: '',
  };
}

/** The message key of what a row lacks (name, post, the reason of an absence), or null. */
export function attendeeProblem(row: AttendeeDraft): string | null {
  if (row.person_name.trim() === '') return 'jointMeeting.attendeeNameRequired';
  if (row.post.trim() === '') return 'jointMeeting.attendeePostRequired';
  if (!row.present && row.absence_reason.trim() === '') return 'jointMeeting.absenceReasonRequired';
  return null;
}

/** The row as the API takes it: trimmed, and a reason only for an absence. */
export function toAttendeeInput(row: AttendeeDraft): AttendeeInput {
  return {
    person_name: row.person_name.trim(),
    unit_id: row.unit_id,
    post: row.post.trim(),
    present: row.present,
    absence_reason: row.present ? '' : row.absence_reason.trim(),
  };
}

/** Whether the meeting's day has come (China time): minutes and resolutions wait for it. */
export function meetingDayReached(
  meeting: Pick<JointMeeting, 'meeting_date'>,
  today: string,
): boolean {
  return meeting.meeting_date <= today;
}
