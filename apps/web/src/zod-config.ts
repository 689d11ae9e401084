import { z } from 'zod'

// Zod's fast path probes `new Function`, which the host's CSP (no unsafe-eval)
// refuses and Chromium reports. Imported first by main.tsx: schemas read this
// setting when the contract packages build them.
z.config({ jitless: true })
