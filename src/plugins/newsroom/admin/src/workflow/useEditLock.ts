import { useCallback, useEffect, useRef, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage, type LockState } from './api';

// Well inside the 2-minute expiry; often enough that a take-over or an API change shows within seconds.
const HEARTBEAT_MS = 10_000;

/**
 * The edit lock of one article locale while its edit view is open: taken on opening (a 409 means someone
 * else holds it: `state` says who since when), renewed every 10 s, released on leaving. `takeOver` moves
 * it here; the previous holder's next heartbeat says so. The lock lives in the database, so this holds
 * across instances behind a load balancer.
 */
export function useEditLock(documentId: string | undefined, locale: string | undefined) {
  const { post, put, del } = useFetchClient();
  const [state, setState] = useState<LockState | null>(null);
  const [lostTo, setLostTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mine = useRef(false);

  const take = useCallback(
    async (takeOver = false) => {
      if (!documentId || !locale) return;
      try {
        const res = await post<{ data: LockState }>('/newsroom/locks', { documentId, locale, takeOver });
        mine.current = true;
        setLostTo(null);
        setError(null);
        setState(res.data.data);
      } catch (failure) {
        const details = (failure as { response?: { data?: { error?: { details?: LockState } } } }).response?.data?.error
          ?.details;
        mine.current = false;
        if (details?.holder) setState({ ...details, locked: true, mine: false, apiChangedAt: null });
        else setError(errorMessage(failure));
      }
    },
    [documentId, locale, post]
  );

  useEffect(() => {
    if (!documentId || !locale) return undefined;
    void take(false);
    const beat = window.setInterval(async () => {
      if (!mine.current) return;
      try {
        const res = await put<{ data: LockState }>('/newsroom/locks', { documentId, locale });
        setState(res.data.data);
        if (!res.data.data.held) {
          mine.current = false;
          if (res.data.data.takenOver) setLostTo(res.data.data.holder?.name ?? '');
        }
      } catch (failure) {
        setError(errorMessage(failure));
      }
    }, HEARTBEAT_MS);
    const release = () => {
      if (mine.current) void del(`/newsroom/locks?documentId=${encodeURIComponent(documentId)}&locale=${locale}`);
      mine.current = false;
    };
    window.addEventListener('beforeunload', release);
    return () => {
      window.clearInterval(beat);
      window.removeEventListener('beforeunload', release);
      release();
    };
  }, [documentId, locale, take, put, del]);

  return { state, lostTo, error, takeOver: () => take(true) };
}
