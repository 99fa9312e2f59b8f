import type { BatchSpec, Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { intentLocator, intentRefOf } from '../../helpers/locators';

/** IDs or paths per request, so one huge input does not make one huge request. */
const DELETE_CHUNK = 500;

type IntentRef = ReturnType<typeof intentRefOf>;

export const deleteIntent: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete intent',
	description:
		'Delete intents for good, with their phrases; all input items are deleted in one request',
	properties: [intentLocator],
	batch: {
		prepare(itemIndex) {
			return intentRefOf(this, itemIndex);
		},
		// IDs and paths go to different routes.
		key: (ref) => (ref.id !== undefined ? 'id' : 'path'),
		size: DELETE_CHUNK,
		async send(chunk) {
			const byId = chunk[0].value.id !== undefined;
			const keys = chunk.map(({ value }) => (byId ? value.id! : value.path!));
			await itemRequest(this, chunk[0].itemIndex, byId ? 'deleteIntents' : 'deleteIntentsByPaths', {
				body: [...new Set(keys)],
			});
			return keys.map((key) => ({ deleted: true, [byId ? 'id' : 'path']: key }));
		},
	} satisfies BatchSpec<IntentRef>,
};
