import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectOut } from '../../helpers/output';

/** NLU settings of a project (`ProjectSettingsDto`), shared by Create and Update. */
export const settingsFields: INodeProperties[] = [
	{
		displayName: 'Classifier',
		name: 'classificationAlgorithm',
		type: 'options',
		options: [
			{ name: 'Classic ML (Logistic Regression)', value: 'logreg' },
			{ name: 'Deep Learning', value: 'deeplearning' },
			{ name: 'Regression', value: 'regression' },
			{ name: 'STS', value: 'sts' },
			{ name: 'Transformer', value: 'transformer' },
		],
		default: 'sts',
		description: 'The intent classifier of the project (Project settings → Classifier)',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: '',
		placeholder: 'e.g. en',
		description:
			'The NLU language of the project as a two-letter code (Project settings → Language)',
	},
	{
		displayName: 'Spelling Correction',
		name: 'spellingCorrection',
		type: 'boolean',
		default: false,
		description: 'Whether the NLU corrects spelling mistakes in client phrases',
	},
	{
		displayName: 'Time Zone',
		name: 'timezone',
		type: 'string',
		default: '',
		placeholder: 'e.g. Europe/London',
		description: 'The time zone of the bot, an IANA name',
	},
];

const SETTINGS = [
	'classificationAlgorithm',
	'language',
	'spellingCorrection',
	'timezone',
	'shared',
];

/** The `projectSettingsData` parts a fields collection sets; `undefined` when it sets none. */
export function settingsOf(fields: IDataObject): IDataObject | undefined {
	const settings: IDataObject = {};
	for (const name of SETTINGS) {
		const value = typeof fields[name] === 'string' ? (fields[name] as string).trim() : fields[name];
		if (value !== undefined && value !== '') settings[name] = value;
	}
	return Object.keys(settings).length ? settings : undefined;
}

export function projectOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	project: IDataObject,
): IDataObject {
	return projectOut(ctx, project, ctx.getNodeParameter('simplify', itemIndex, true) as boolean);
}
