import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../api';
import { useSession } from '../../session';

interface UnreadValue {
  unread: number;
  /** Asks the server again (after marking some read). */
  refresh(): Promise<void>;
  set(n: number): void;
}

const UnreadContext = createContext<UnreadValue>({ unread: 0, refresh: async () => {}, set: () => {} });

const POLL_MS = 60_000;

/** The number of unread notifications for the top bar's badge: asked on each page change and every minute. */
export function UnreadProvider({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  const [unread, setUnread] = useState(0);
  const refresh = useCallback(async () => {
    if (!me) {
      setUnread(0);
      return;
    }
    try {
      const page = await api<{ unread: number }>('GET', '/notifications?limit=1');
      setUnread(page.unread);
    } catch {
      // The badge is a hint: a failed poll keeps the last count.
    }
  }, [me]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger: the badge is asked again on each page change
  useEffect(() => {
    void refresh();
  }, [refresh, location.pathname]);
  useEffect(() => {
    if (!me) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [me, refresh]);
  return <UnreadContext.Provider value={{ unread, refresh, set: setUnread }}>{children}</UnreadContext.Provider>;
}

export const useUnread = () => useContext(UnreadContext);
