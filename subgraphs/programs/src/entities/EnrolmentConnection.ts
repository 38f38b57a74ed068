import { connectionType } from '@moukawil/kit/subgraph';
import { Enrolment } from './Enrolment';

export const EnrolmentConnection = connectionType(Enrolment, 'Enrolment', 'enrolment', 'enrolments');
export type EnrolmentConnection = InstanceType<typeof EnrolmentConnection>;
