import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { multipartBody } from '../../../common/multipart';
import type { Operation } from '../../../common/router';
import { nlpItemRequest } from '../../api';
import { binaryInput, binaryPropertyField } from '../../helpers/binary';
import { entityIdOf, entityLocator } from '../../helpers/locators';

export const upload: Operation = {
	value: 'upload',
	name: 'Upload',
	action: 'Upload entity records from a CSV file',
	description: 'Add the records of a CSV file (the platform\'s zb-csv format) to an entity',
	properties: [entityLocator, binaryPropertyField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const file = await binaryInput(this, itemIndex);
		const entityId = await entityIdOf(this, itemIndex);
		const form = multipartBody([{ name: 'file', data: file.data, fileName: file.fileName, contentType: 'text/csv' }]);
		return await nlpItemRequest<IDataObject[]>(this, itemIndex, 'uploadRecords', {
			pathParams: { entityId },
			qs: { type: 'zb-csv' },
			...form,
		});
	},
};
