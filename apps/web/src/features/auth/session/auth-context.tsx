import { createContext, type ReactNode, use, useSyncExternalStore } from 'react';
import { type SessionSnapshot, sessionStore } from './session-store.ts';

const SessionContext = createContext<SessionSnapshot | null>(null);

/** Gives the tree the session snapshot (status and user) from the in-memory store. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const snapshot = useSyncExternalStore(sessionStore.subscribe, sessionStore.getSnapshot);
  return <SessionContext value={snapshot}>{children}</SessionContext>;
}

export function useSession(): SessionSnapshot {
  const snapshot = use(SessionContext);
  if (!snapshot) throw new Error('useSession must be used inside <AuthProvider>');
  return snapshot;
}
