import type { BatchSpec, Operation } from '../../../common/router';
import { optionalString } from '../../../common/validate';
import { nlpItemRequest } from '../../api';
import { recordsRoute } from '../../helpers/entity';
import { entityLocator, recordIdOf } from '../../helpers/locators';
import { recordClientIdField } from './add.operation';

interface RecordRef extends ReturnType<typeof recordsRoute> {
	recordId: number;
	clientId?: string;
}

export const deleteRecord: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete an entity record',
	description: 'Delete records; input items of the same entity are deleted in one request',
	properties: [
		entityLocator,
		{ displayName: 'Record ID', name: 'recordId', type: 'string', required: true, default: '', placeholder: 'e.g. 90017' },
		recordClientIdField,
	],
	batch: {
		prepare(itemIndex) {
			const recordId = recordIdOf(this, itemIndex);
			const clientId = optionalString(this, 'clientId', itemIndex);
			return { recordId, clientId, ...recordsRoute(this, itemIndex, 'deleteRecords', 'deleteRecordsByName') };
		},
		key: ({ route, pathParams, clientId }) => JSON.stringify([route, pathParams, clientId]),
		size: Infinity,
		async send(chunk) {
			const { route, pathParams, clientId } = chunk[0].value;
			const ids = chunk.map(({ value }) => value.recordId);
			await nlpItemRequest(this, chunk[0].itemIndex, route, { pathParams, qs: { clientId }, body: [...new Set(ids)] });
			return ids.map((id) => ({ deleted: true, id }));
		},
	} satisfies BatchSpec<RecordRef>,
};
