import type { Resource } from '../../common/router';
import { fire } from './pushback/fire.operation';

export const pushgateResources: Resource[] = [
	{ value: 'pushback', name: 'Pushback', operations: [fire] },
];
