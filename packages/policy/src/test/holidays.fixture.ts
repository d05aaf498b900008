import { createCalendar, type Calendar, type SpecialDay } from '../calendar/calendar.js';

/** Expands `from`…`to` (same month) into holidays named `name`. */
function holidays(name: string, from: string, to: string): SpecialDay[] {
  const days: SpecialDay[] = [];
  for (let d = Number(from.slice(8)); d <= Number(to.slice(8)); d++) days.push({ date: `${from.slice(0, 8)}${String(d).padStart(2, '0')}`, kind: 'holiday', name });
  return days;
}
const worked = (name: string, ...dates: string[]): SpecialDay[] => dates.map((date) => ({ date, kind: 'adjusted_workday', name }));

/**
 * Public holidays and adjusted working days (调休) of 2018–2020, from the State Council General
 * Office's notices (国办发明电〔2017〕12号, 〔2018〕15号 and its 2019 Labour Day revision, 〔2019〕16号
 * and the 2020 Spring Festival extension 国办发明电〔2020〕1号).
 */
export const HOLIDAYS_2018_2020: SpecialDay[] = [
  ...holidays('元旦', '2018-01-01', '2018-01-01'),
  ...holidays('春节', '2018-02-15', '2018-02-21'), ...worked('春节', '2018-02-11', '2018-02-24'),
  ...holidays('清明节', '2018-04-05', '2018-04-07'), ...worked('清明节', '2018-04-08'),
  ...holidays('劳动节', '2018-04-29', '2018-04-30'), ...holidays('劳动节', '2018-05-01', '2018-05-01'), ...worked('劳动节', '2018-04-28'),
  ...holidays('端午节', '2018-06-16', '2018-06-18'),
  ...holidays('中秋节', '2018-09-22', '2018-09-24'),
  ...holidays('国庆节', '2018-10-01', '2018-10-07'), ...worked('国庆节', '2018-09-29', '2018-09-30'),
  ...holidays('元旦', '2018-12-30', '2018-12-31'), ...worked('元旦', '2018-12-29'),

  ...holidays('元旦', '2019-01-01', '2019-01-01'),
  ...holidays('春节', '2019-02-04', '2019-02-10'), ...worked('春节', '2019-02-02', '2019-02-03'),
  ...holidays('清明节', '2019-04-05', '2019-04-07'),
  ...holidays('劳动节', '2019-05-01', '2019-05-04'), ...worked('劳动节', '2019-04-28', '2019-05-05'),
  ...holidays('端午节', '2019-06-07', '2019-06-09'),
  ...holidays('中秋节', '2019-09-13', '2019-09-15'),
  ...holidays('国庆节', '2019-10-01', '2019-10-07'), ...worked('国庆节', '2019-09-29', '2019-10-12'),

  ...holidays('元旦', '2020-01-01', '2020-01-01'),
  ...holidays('春节', '2020-01-24', '2020-01-31'), ...holidays('春节', '2020-02-01', '2020-02-02'), ...worked('春节', '2020-01-19'),
  ...holidays('清明节', '2020-04-04', '2020-04-06'),
  ...holidays('劳动节', '2020-05-01', '2020-05-05'), ...worked('劳动节', '2020-04-26', '2020-05-09'),
  ...holidays('端午节', '2020-06-25', '2020-06-27'), ...worked('端午节', '2020-06-28'),
  ...holidays('国庆节', '2020-10-01', '2020-10-08'), ...worked('国庆节', '2020-09-27', '2020-10-10'),
];

export const FIXTURE_YEARS = [2018, 2019, 2020] as const;

/** The calendar of 2018–2020; every other year is missing. */
export function fixtureCalendar(): Calendar {
  return createCalendar({ years: [...FIXTURE_YEARS], days: HOLIDAYS_2018_2020 });
}
