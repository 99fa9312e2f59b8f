import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { multipartBody } from '../../../common/multipart';
import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { binaryInput, binaryPropertyField } from '../../helpers/binary';
import { entityIdOf, entityLocator } from '../../helpers/locators';

export const upload: Operation = {
	acts: true,
	value: 'upload',
	name: 'Upload',
	action: 'Upload entity records from CSV',
	description:
		'Add the records of a CSV file to an entity: one record per line, the value, then its synonyms, separated by semicolons',
	properties: [
		entityLocator,
		{
			...binaryPropertyField,
			description:
				'The CSV file: one record per line, the value then its synonyms, separated by semicolons (e.g. Madrid;MAD;Madrid)',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const file = await binaryInput(this, itemIndex);
		const entityId = await entityIdOf(this, itemIndex);
		const form = multipartBody([
			{ name: 'file', data: file.data, fileName: file.fileName, contentType: 'text/csv' },
		]);
		return await itemRequest<IDataObject[]>(this, itemIndex, 'uploadRecords', {
			pathParams: { entityId },
			qs: { type: 'zb-csv' },
			...form,
		});
	},
};
