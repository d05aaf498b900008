import { Grid } from 'antd';

/** True below the md breakpoint (phones): lists un-fix their action column and show icon-only actions. */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return !screens.md;
}
