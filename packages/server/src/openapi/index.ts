export { createOpenApiDocument, type OpenApiDocumentOptions } from './openapi-document.ts'
