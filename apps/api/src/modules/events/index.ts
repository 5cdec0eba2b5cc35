/** The events feature's public face: the outbox other features write to, and live updates. */
export { eventsModule } from './events.module.ts';
export {
  appendEvents,
  createEventsRepository,
  createOutbox,
  type EventsRepository,
  type NewEvent,
} from './events.repository.ts';
