import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useSession } from '../../auth/session.context';

/** The landing page: dispatched staff (who check in) start on 打卡, everyone else on `home`. */
export function CheckInLanding({ home }: { home: ReactNode }) {
  const { can } = useSession();
  if (can('checkin:write')) return <Navigate to="/check-in" replace />;
  return <>{home}</>;
}
