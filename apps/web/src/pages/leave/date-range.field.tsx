import { DatePicker } from 'antd';
import type { RangeValue } from '../../shared/date-range';
import { useIsPhone } from '../../shared/use-is-phone';

/**
 * A start–end date field for Form.Item. On phones the two-month range panel does not fit 360 px, so it
 * shows two single-date pickers instead (the end picker opens on the start date's month).
 */
export function DateRangeField({ value, onChange, id, placeholder = ['开始日期', '结束日期'] }: {
  value?: RangeValue;
  onChange?: (v: RangeValue) => void;
  id?: string;
  placeholder?: [string, string];
}) {
  const isPhone = useIsPhone();
  if (!isPhone) {
    return <DatePicker.RangePicker id={id} style={{ width: '100%' }} placeholder={placeholder} inputReadOnly value={value ?? null} onChange={(v) => onChange?.(v ?? null)} />;
  }
  const start = value?.[0] ?? null;
  const end = value?.[1] ?? null;
  return (
    <div className="dk-leave-range">
      <DatePicker
        id={id}
        inputReadOnly
        placeholder={placeholder[0]}
        value={start}
        onChange={(d) => onChange?.([d ?? null, end && d && end.isBefore(d, 'day') ? null : end])}
        style={{ width: '100%' }}
      />
      <span className="dk-leave-range-sep">至</span>
      <DatePicker
        inputReadOnly
        placeholder={placeholder[1]}
        value={end}
        defaultPickerValue={start ?? undefined}
        disabledDate={(d) => !!start && d.isBefore(start, 'day')}
        onChange={(d) => onChange?.([start, d ?? null])}
        style={{ width: '100%' }}
      />
    </div>
  );
}
