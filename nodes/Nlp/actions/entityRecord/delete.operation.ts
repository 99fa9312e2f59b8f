import type { BatchSpec, Operation } from '../../../common/router';
import { optionalString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { entityLocator } from '../../helpers/locators';
import { recordClientIdField, recordIdOf, recordLocator, recordsRoute } from './common';

interface RecordRef extends ReturnType<typeof recordsRoute> {
	recordId: number;
	clientId?: string;
}

export const deleteRecord: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete entity record',
	description:
		'Delete records from an entity for good; input items of the same entity are deleted in one request',
	properties: [entityLocator, recordLocator, recordClientIdField],
	batch: {
		prepare(itemIndex) {
			const recordId = recordIdOf(this, itemIndex);
			const clientId = optionalString(this, 'clientId', itemIndex);
			return {
				recordId,
				clientId,
				...recordsRoute(this, itemIndex, 'deleteRecords', 'deleteRecordsByName'),
			};
		},
		key: ({ route, pathParams, clientId }) => JSON.stringify([route, pathParams, clientId]),
		size: Infinity,
		async send(chunk) {
			const { route, pathParams, clientId } = chunk[0].value;
			const ids = chunk.map(({ value }) => value.recordId);
			await itemRequest(this, chunk[0].itemIndex, route, {
				pathParams,
				qs: { clientId },
				body: [...new Set(ids)],
			});
			return ids.map((id) => ({ deleted: true, id }));
		},
	} satisfies BatchSpec<RecordRef>,
};
