import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, Permission } from '@duikou/contracts';
import { authApi } from '../api/endpoints';
import { ApiError } from '../api/http-client';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

interface SessionValue {
  /** The signed-in user, or null when nobody is signed in. */
  me: Me | null;
  loading: boolean;
  /** An error other than "not signed in" (e.g. server unreachable). */
  error: unknown;
  can: (permission: Permission) => boolean;
  setMe: (me: Me | null) => void;
  refetch: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Loads the session from GET /api/auth/me once; 401 means "not signed in", not an error. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: async ({ signal }) => {
      try {
        return await authApi.me(signal);
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
    retry: 1,
  });

  const me = query.data ?? null;
  const can = useCallback((permission: Permission) => !!me?.permissions.includes(permission), [me]);
  const setMe = useCallback((next: Me | null) => queryClient.setQueryData(ME_QUERY_KEY, next), [queryClient]);
  const { refetch } = query;
  const value = useMemo<SessionValue>(
    () => ({ me, loading: query.isPending, error: query.error, can, setMe, refetch: () => void refetch() }),
    [me, query.isPending, query.error, can, setMe, refetch],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}

/** The signed-in user (only inside routes guarded by RequireAuth). */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe used outside an authenticated route');
  return me;
}
