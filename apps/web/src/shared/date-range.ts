import dayjs, { type Dayjs } from 'dayjs';

export type RangeValue = [Dayjs | null, Dayjs | null] | null | undefined;

export const toRange = (from: string | null | undefined, to: string | null | undefined): RangeValue =>
  from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null;

export const fromRange = (r: RangeValue): { validFrom: string | null; validTo: string | null } => ({
  validFrom: r?.[0] ? r[0].format('YYYY-MM-DD') : null,
  validTo: r?.[1] ? r[1].format('YYYY-MM-DD') : null,
});
