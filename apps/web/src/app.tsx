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
const AuditListPage = page(() => import('./pages/audit/audit-list.page'), 'AuditListPage');
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
                    <Route index element={<HomeRedirect home={<HomePage />} />} />
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
                    <Route path="audit" element={guarded('audit:read', AuditListPage)} />
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
