// Naive: the same host and plugins, with the key verified the naive way on
// every request (argon2 + role and rule queries + a lastUsedAt write).
import { authApplicationsPlugin } from '@checkpost/auth-applications-server'
import { plugins } from '@checkpost/server-app'
import { createNaiveAuthenticator } from './naive-authenticator.ts'
import { serveBenchHost } from './serve-bench-host.ts'

const naiveAuth = { ...authApplicationsPlugin, authenticator: ({ database }) => createNaiveAuthenticator(database) } as typeof authApplicationsPlugin
await serveBenchHost(plugins.map((plugin) => (plugin.id === authApplicationsPlugin.id ? naiveAuth : plugin)))
