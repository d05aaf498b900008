import { useQuery } from '@tanstack/react-query';
import { pairingsApi } from '../api/endpoints';
import { useSession } from '../auth/session.context';

/**
 * The support units of the pairing a form has chosen, and whether the caller is one of them: a
 * support unit records for itself; anyone else (an office, the administrator) names the unit.
 */
export function usePairingSupportUnits(pairingId: string | undefined, enabled: boolean) {
  const { me } = useSession();
  const pairing = useQuery({
    queryKey: ['pairings', 'detail', pairingId],
    queryFn: ({ signal }) => pairingsApi.get(pairingId!, signal),
    enabled: enabled && !!pairingId,
    staleTime: 60_000,
  });
  const supportUnits = pairing.data?.supportUnits ?? [];
  return { supportUnits, loaded: !!pairing.data, mineIsSupport: supportUnits.some((s) => s.id === me?.org.id) };
}
