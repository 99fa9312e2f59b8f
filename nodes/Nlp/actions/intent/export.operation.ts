import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequestFull } from '../../api';
import { fileItem, outputBinaryField, toBuffer } from '../../helpers/binary';

export const exportIntents: Operation = {
	value: 'export',
	name: 'Export',
	action: 'Export intents',
	description: 'Download all intents as a JSON intents file (binary), ready for Import',
	properties: [
		outputBinaryField,
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: 'intents.json',
			description: 'The name of the output file',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		requiredString(this, 'binaryPropertyName', itemIndex, 'Put Output File in Field');
		const response = await itemRequestFull(this, itemIndex, 'exportIntents', {
			responseType: 'arraybuffer',
		});
		const data = toBuffer(response.body);
		const fileName =
			String(this.getNodeParameter('fileName', itemIndex, 'intents.json')).trim() || 'intents.json';
		return await fileItem(this, itemIndex, data, fileName, 'application/json', {});
	},
};
