import type { BatchSpec, Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { entityLocator, entityRefOf } from '../../helpers/locators';

/** IDs or names per request, so one huge input does not make one huge request. */
const DELETE_CHUNK = 500;

type EntityRef = ReturnType<typeof entityRefOf>;

export const deleteEntity: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete entity',
	description:
		'Delete entities for good, with all their records; all input items are deleted in one request',
	properties: [entityLocator],
	batch: {
		prepare(itemIndex) {
			return entityRefOf(this, itemIndex);
		},
		// IDs and names go to different routes.
		key: (ref) => (ref.id !== undefined ? 'id' : 'name'),
		size: DELETE_CHUNK,
		async send(chunk) {
			const byId = chunk[0].value.id !== undefined;
			const keys = chunk.map(({ value }) => (byId ? value.id! : value.name!));
			await itemRequest(
				this,
				chunk[0].itemIndex,
				byId ? 'deleteEntities' : 'deleteEntitiesByName',
				{ body: [...new Set(keys)] },
			);
			return keys.map((key) => ({ deleted: true, [byId ? 'id' : 'name']: key }));
		},
	} satisfies BatchSpec<EntityRef>,
};
