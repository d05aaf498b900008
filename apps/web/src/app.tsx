import { lazy, Suspense, type ComponentType } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Permission } from '@duikou/contracts';
import { ApiError } from './api/http-client';
import { SessionProvider } from './auth/session.context';
import { HomeRedirect, RequireAuth, RequirePermission } from './auth/route-guards';
import { AppLayout } from './layout/app-layout';
import { CheckInLanding } from './pages/check-in/check-in-landing';
import { PageLoading } from './shared/page-state';
import './app.css';

dayjs.locale('zh-cn');

/** React.lazy for a named export: each page is its own chunk. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const LoginPage = page(() => import('./pages/login/login.page'), 'LoginPage');
const HomePage = page(() => import('./pages/home/home.page'), 'HomePage');
const RegionListPage = page(() => import('./pages/regions/region-list.page'), 'RegionListPage');
const RegionDetailPage = page(() => import('./pages/regions/region-detail.page'), 'RegionDetailPage');
const OrganisationListPage = page(() => import('./pages/organisations/organisation-list.page'), 'OrganisationListPage');
const OrganisationDetailPage = page(() => import('./pages/organisations/organisation-detail.page'), 'OrganisationDetailPage');
const ProgrammeListPage = page(() => import('./pages/programmes/programme-list.page'), 'ProgrammeListPage');
const ProgrammeDetailPage = page(() => import('./pages/programmes/programme-detail.page'), 'ProgrammeDetailPage');
const PairingListPage = page(() => import('./pages/pairings/pairing-list.page'), 'PairingListPage');
const PairingDetailPage = page(() => import('./pages/pairings/pairing-detail.page'), 'PairingDetailPage');
const PersonListPage = page(() => import('./pages/persons/person-list.page'), 'PersonListPage');
const PersonDetailPage = page(() => import('./pages/persons/person-detail.page'), 'PersonDetailPage');
const PolicyListPage = page(() => import('./pages/policies/policy-list.page'), 'PolicyListPage');
const PolicyDetailPage = page(() => import('./pages/policies/policy-detail.page'), 'PolicyDetailPage');
const PolicySandboxPage = page(() => import('./pages/policies/policy-sandbox.page'), 'PolicySandboxPage');
const HolidayCalendarPage = page(() => import('./pages/calendar/holiday-calendar.page'), 'HolidayCalendarPage');
const AssignmentListPage = page(() => import('./pages/assignments/assignment-list.page'), 'AssignmentListPage');
const AssignmentDetailPage = page(() => import('./pages/assignments/assignment-detail.page'), 'AssignmentDetailPage');
const AssignmentDispatchPage = page(() => import('./pages/assignments/assignment-dispatch.page'), 'AssignmentDispatchPage');
const StaffingPage = page(() => import('./pages/staffing/staffing.page'), 'StaffingPage');
const SpotCheckListPage = page(() => import('./pages/spot-checks/spot-check-list.page'), 'SpotCheckListPage');
const SpotCheckDetailPage = page(() => import('./pages/spot-checks/spot-check-detail.page'), 'SpotCheckDetailPage');
const SpotCheckConsequencesPage = page(() => import('./pages/spot-checks/spot-check-consequences.page'), 'SpotCheckConsequencesPage');
const SanctionListPage = page(() => import('./pages/spot-checks/sanction-list.page'), 'SanctionListPage');
const AtRiskPage = page(() => import('./pages/progress/at-risk.page'), 'AtRiskPage');
const AgreementListPage = page(() => import('./pages/agreements/agreement-list.page'), 'AgreementListPage');
const TaskListPage = page(() => import('./pages/tasks/task-list.page'), 'TaskListPage');
const ActivityListPage = page(() => import('./pages/activities/activity-list.page'), 'ActivityListPage');
const MentorshipListPage = page(() => import('./pages/mentorships/mentorship-list.page'), 'MentorshipListPage');
const VisitListPage = page(() => import('./pages/visits/visit-list.page'), 'VisitListPage');
const OutcomeListPage = page(() => import('./pages/outcomes/outcome-list.page'), 'OutcomeListPage');
const AppraisalListPage = page(() => import('./pages/appraisals/appraisal-list.page'), 'AppraisalListPage');
const AppraisalDetailPage = page(() => import('./pages/appraisals/appraisal-detail.page'), 'AppraisalDetailPage');
const CertificateListPage = page(() => import('./pages/certificates/certificate-list.page'), 'CertificateListPage');
const DashboardPage = page(() => import('./pages/dashboard/dashboard.page'), 'DashboardPage');
const StatutoryReportListPage = page(() => import('./pages/statutory-reports/statutory-report-list.page'), 'StatutoryReportListPage');
const StatutoryReportDetailPage = page(() => import('./pages/statutory-reports/statutory-report-detail.page'), 'StatutoryReportDetailPage');
const NotificationCenterPage = page(() => import('./pages/notifications/notification-center.page'), 'NotificationCenterPage');
const DeadlineCalendarPage = page(() => import('./pages/notifications/deadline-calendar.page'), 'DeadlineCalendarPage');
const FormsCentrePage = page(() => import('./pages/forms/forms-centre.page'), 'FormsCentrePage');
const AuditListPage = page(() => import('./pages/audit/audit-list.page'), 'AuditListPage');
const CheckInPage = page(() => import('./pages/check-in/check-in.page'), 'CheckInPage');
const AttendancePage = page(() => import('./pages/attendance/attendance.page'), 'AttendancePage');
const LeaveListPage = page(() => import('./pages/leave/leave-list.page'), 'LeaveListPage');
const PasswordChangePage = page(() => import('./pages/account/password-change.page'), 'PasswordChangePage');
const NotFoundPage = page(() => import('./pages/not-found.page'), 'NotFoundPage');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      staleTime: 10_000,
      // Do not retry answers the server meant (4xx); retry network and 5xx once.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
    },
  },
});

const guarded = (permission: Permission, Page: ComponentType) => (
  <RequirePermission permission={permission}>
    <Page />
  </RequirePermission>
);

export function App() {
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { colorPrimary: '#1363c6', borderRadius: 6 } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionProvider>
              <Suspense fallback={<PageLoading />}>
                <Routes>
                  <Route path="/login" element={<LoginPage />} />
                  <Route
                    element={
                      <RequireAuth>
                        <AppLayout />
                      </RequireAuth>
                    }
                  >
                    <Route index element={<HomeRedirect home={<CheckInLanding home={<HomePage />} />} />} />
                    <Route path="regions" element={guarded('region:read', RegionListPage)} />
                    <Route path="regions/:code" element={guarded('region:read', RegionDetailPage)} />
                    <Route path="organisations" element={guarded('org:read', OrganisationListPage)} />
                    <Route path="organisations/:id" element={guarded('org:read', OrganisationDetailPage)} />
                    <Route path="programmes" element={guarded('programme:read', ProgrammeListPage)} />
                    <Route path="programmes/:id" element={guarded('programme:read', ProgrammeDetailPage)} />
                    <Route path="pairings" element={guarded('pairing:read', PairingListPage)} />
                    <Route path="pairings/:id" element={guarded('pairing:read', PairingDetailPage)} />
                    <Route path="persons" element={guarded('person:read', PersonListPage)} />
                    <Route path="persons/:id" element={guarded('person:read', PersonDetailPage)} />
                    <Route path="policies" element={guarded('policy:read', PolicyListPage)} />
                    <Route path="policies/sandbox" element={guarded('policy:read', PolicySandboxPage)} />
                    <Route path="policies/:id" element={guarded('policy:read', PolicyDetailPage)} />
                    <Route path="calendar" element={guarded('calendar:read', HolidayCalendarPage)} />
                    <Route path="assignments" element={guarded('assignment:read', AssignmentListPage)} />
                    <Route path="assignments/new" element={guarded('assignment:write', AssignmentDispatchPage)} />
                    <Route path="assignments/:id" element={guarded('assignment:read', AssignmentDetailPage)} />
                    <Route path="staffing" element={guarded('assignment:read', StaffingPage)} />
                    <Route path="spot-checks" element={guarded('spotcheck:read', SpotCheckListPage)} />
                    <Route path="spot-checks/consequences" element={guarded('spotcheck:read', SpotCheckConsequencesPage)} />
                    <Route path="spot-checks/:id" element={guarded('spotcheck:read', SpotCheckDetailPage)} />
                    <Route path="sanctions" element={guarded('spotcheck:read', SanctionListPage)} />
                    <Route path="progress/at-risk" element={guarded('assignment:read', AtRiskPage)} />
                    <Route path="agreements" element={guarded('results:read', AgreementListPage)} />
                    <Route path="tasks" element={guarded('results:read', TaskListPage)} />
                    <Route path="activities" element={guarded('results:read', ActivityListPage)} />
                    <Route path="mentorships" element={guarded('results:read', MentorshipListPage)} />
                    <Route path="leadership-visits" element={guarded('results:read', VisitListPage)} />
                    <Route path="outcomes" element={guarded('results:read', OutcomeListPage)} />
                    <Route path="appraisals" element={guarded('results:read', AppraisalListPage)} />
                    <Route path="appraisals/:id" element={guarded('results:read', AppraisalDetailPage)} />
                    <Route path="certificates" element={guarded('results:read', CertificateListPage)} />
                    <Route path="dashboard" element={guarded('dashboard:read', DashboardPage)} />
                    <Route path="statutory-reports" element={guarded('report:read', StatutoryReportListPage)} />
                    <Route path="statutory-reports/:id" element={guarded('report:read', StatutoryReportDetailPage)} />
                    <Route path="notifications" element={<NotificationCenterPage />} />
                    <Route path="deadlines" element={guarded('calendar:read', DeadlineCalendarPage)} />
                    <Route path="forms" element={guarded('pairing:read', FormsCentrePage)} />
                    <Route path="audit" element={guarded('audit:read', AuditListPage)} />
                    <Route path="check-in" element={guarded('checkin:write', CheckInPage)} />
                    <Route path="attendance" element={guarded('attendance:read', AttendancePage)} />
                    <Route path="leave" element={<LeaveListPage />} />
                    <Route path="account/password" element={<PasswordChangePage />} />
                    <Route path="*" element={<NotFoundPage />} />
                  </Route>
                </Routes>
              </Suspense>
            </SessionProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
