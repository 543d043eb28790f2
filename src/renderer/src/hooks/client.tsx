// Gives every component the one typed client; nothing in the renderer reaches data another way.
import { createContext, useContext, type ReactNode } from 'react';
import type { GlossClient } from '../../../shared/client';

const ClientContext = createContext<GlossClient | null>(null);

export function ClientProvider({ client, children }: { client: GlossClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): GlossClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient needs a ClientProvider above it');
  return client;
}
