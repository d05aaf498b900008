export {
  CalendarYearMissingError, computeDeadline, countWorkingDays, createCalendar, describeDay, isWorkingDay,
  nextWorkingDayOnOrAfter,
  type Calendar, type CalendarInput, type DayDescription, type DayKind, type Deadline, type SpecialDay,
} from './calendar.js';
