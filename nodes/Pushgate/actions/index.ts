import type { Resource } from '../../common/router';
import { trigger } from './pushback/trigger.operation';
import { triggerMany } from './pushback/triggerMany.operation';

export const pushgateResources: Resource[] = [{ value: 'pushback', name: 'Pushback', operations: [trigger, triggerMany] }];
