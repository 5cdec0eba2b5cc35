/** The system feature's public face: health, readiness, metadata. */
export { systemRoutes } from './system.routes.ts';
export { createSystemService, type SystemService } from './system.service.ts';
