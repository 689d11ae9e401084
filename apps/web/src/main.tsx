import './zod-config.ts'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { isRefusal, isUnauthorized } from './api/server-error.ts'
import { SessionGate } from './session/session-gate.tsx'
import './styles.css'

const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    // A 401 means the session ended: ask the gate to check it (it then shows Sign in). No refusal
    // (4xx) is retried: the same call gets the same answer, and the reader waits for nothing.
    queries: { retry: (count, error) => !isRefusal(error) && count < 2, refetchOnWindowFocus: true },
  },
})
queryClient.getQueryCache().subscribe((event) => {
  if (event.type === 'updated' && isUnauthorized(event.action.type === 'error' ? event.action.error : null)) {
    void queryClient.invalidateQueries({ queryKey: ['session'] })
  }
})

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SessionGate />
    </QueryClientProvider>
  </StrictMode>,
)
