// The real host kit with auth-applications and a bench plugin of 100 read procedures.
import { authApplicationsPlugin } from '@checkpost/auth-applications-server'
import { batchBenchPlugin } from './batch-plugin.ts'
import { serveBenchHost } from './serve-bench-host.ts'

await serveBenchHost([authApplicationsPlugin, batchBenchPlugin])
