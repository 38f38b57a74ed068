import { connectionType } from '@moukawil/kit/subgraph';
import { Advisor } from './Advisor';
import { Event } from './Event';

export const EventConnection = connectionType(Event, 'Event', 'event', 'events', 'oldest first');
export type EventConnection = InstanceType<typeof EventConnection>;

export const AdvisorConnection = connectionType(Advisor, 'Advisor', 'advisor', 'advisors', 'by region');
export type AdvisorConnection = InstanceType<typeof AdvisorConnection>;
