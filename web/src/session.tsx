import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setCsrfToken } from './api';

export interface Me {
  id: string;
  email: string;
  name: string;
  bio: string;
  locale: string;
  role: 'member' | 'operator';
}

interface SessionValue {
  me: Me | null;
  loading: boolean;
  refresh(): Promise<void>;
  signedIn(me: Me, csrfToken: string): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Who is signed in, loaded once from GET /me and kept for every page. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    try {
      setMe(await api<Me>('GET', '/me'));
    } catch {
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value: SessionValue = {
    me,
    loading,
    refresh,
    signedIn: (m, token) => {
      setCsrfToken(token);
      setMe(m);
    },
    signOut: async () => {
      await api('POST', '/auth/logout');
      setCsrfToken(null);
      setMe(null);
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
