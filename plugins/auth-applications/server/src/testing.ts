export { applicationsTestAuth, applicationTestIdentities } from './applications-test-auth.ts'
