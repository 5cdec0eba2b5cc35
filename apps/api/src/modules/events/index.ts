/** The events feature's public face: the outbox other features write to, and live updates. */
export { eventsModule } from './events.module.ts';
export {
  createEventsRepository,
  type EventsRepository,
  type NewEvent,
} from './events.repository.ts';
export { appendEvents, createOutbox } from './outbox.ts';
