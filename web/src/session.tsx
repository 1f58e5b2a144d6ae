import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken } from './api';
import i18n, { setLanguage, type Language } from './i18n';

export interface Me {
  id: string;
  email: string;
  name: string;
  bio: string;
  locale: string;
  role: 'member' | 'operator';
  createdAt?: string;
}

interface SessionValue {
  /** The signed-in person, or null. */
  me: Me | null;
  /** True until GET /me has answered once. */
  loading: boolean;
  refresh(): Promise<void>;
  /** After sign-up or login: keeps the CSRF token and switches to the account's language. */
  signedIn(me: Me, csrfToken: string): void;
  signOut(): Promise<void>;
  /** Switches the language, remembers it in this browser and, when signed in, saves it to the account. */
  changeLanguage(lang: Language): Promise<void>;
  /** Replaces the current account after an edit (PATCH /me). */
  setMe(me: Me): void;
}

const SessionContext = createContext<SessionValue | null>(null);

const isLanguage = (l: string): l is Language => l === 'en' || l === 'fr';

/** Who is signed in, loaded once from GET /me and kept for every page. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    try {
      const m = await api<Me>('GET', '/me');
      setMe(m);
      // The account's language wins on a new visit, so it follows the person from browser to browser.
      if (isLanguage(m.locale) && m.locale !== i18n.language) setLanguage(m.locale);
    } catch {
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo<SessionValue>(
    () => ({
      me,
      loading,
      refresh,
      setMe,
      signedIn: (m, token) => {
        setCsrfToken(token);
        setMe(m);
        if (isLanguage(m.locale)) setLanguage(m.locale);
      },
      signOut: async () => {
        try {
          await api('POST', '/auth/logout');
        } finally {
          setCsrfToken(null);
          setMe(null);
        }
      },
      changeLanguage: async (lang) => {
        setLanguage(lang);
        if (me && me.locale !== lang) {
          try {
            setMe(await api<Me>('PATCH', '/me', { locale: lang }));
          } catch {
            // The switch still applies in this browser; the account keeps its former language.
          }
        }
      },
    }),
    [me, loading, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/**
 * The session: who is signed in and what to do about it.
 * @example const { me } = useSession(); if (me?.role === 'operator') …
 */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
