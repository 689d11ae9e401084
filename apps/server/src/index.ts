export { plugins } from './plugins.ts'
export { readConfig, readDatabaseConfig, type DatabaseConfig, type ServerConfig } from './config.ts'
export { startServer, type StartedServer } from './start-server.ts'
