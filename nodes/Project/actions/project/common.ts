import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { jsonObjectOf } from '../../../common/validate';
import { projectOut } from '../../helpers/output';

const threshold = (what: string): Partial<INodeProperties> => ({
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
	default: 0.5,
	description: `How similar ${what} must be to count as a match, from 0 to 1 (the platform's default is 0.5)`,
});

/** NLU settings of a project (`ProjectSettingsDto`), shared by Create and Update. */
export const settingsFields: INodeProperties[] = [
	{
		displayName: 'Answer Validation',
		name: 'answerValidationEnabled',
		type: 'boolean',
		default: false,
		description:
			'Whether the platform warns about answers that are alike across intents (soft validation: a warning, never a refusal)',
	},
	{
		displayName: 'Answer Validation Threshold',
		name: 'answerValidationThreshold',
		...threshold('two answers'),
	} as INodeProperties,
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
		displayName: 'Extended NLU Settings (JSON)',
		name: 'extendedSettings',
		type: 'json',
		default: '',
		description:
			'Advanced NLU settings as the API names them (ExtendedProjectSettings), e.g. {"patternsEnabled": true, "stsSettings": {"exactMatch": 1, "patternMatch": 1}}. On Update the keys set here replace the project\'s, the others stay.',
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
		displayName: 'Phrase Validation',
		name: 'phraseValidationEnabled',
		type: 'boolean',
		default: false,
		description:
			'Whether the platform warns about training phrases that are alike across intents (soft validation: a warning, never a refusal)',
	},
	{
		displayName: 'Phrase Validation Threshold',
		name: 'phraseValidationThreshold',
		...threshold('two phrases'),
	} as INodeProperties,
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

const VALIDATION = [
	'phraseValidationEnabled',
	'answerValidationEnabled',
	'phraseValidationThreshold',
	'answerValidationThreshold',
];

/**
 * The `projectSettingsData` parts a fields collection sets, shaped as `ProjectSettingsDto`
 * (validation fields under `validation`); `undefined` when it sets none.
 */
export function settingsOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject | undefined {
	const settings: IDataObject = {};
	for (const name of SETTINGS) {
		const value = typeof fields[name] === 'string' ? (fields[name] as string).trim() : fields[name];
		if (value !== undefined && value !== '') settings[name] = value;
	}
	const validation: IDataObject = {};
	for (const name of VALIDATION)
		if (fields[name] !== undefined && fields[name] !== '') validation[name] = fields[name];
	if (Object.keys(validation).length) settings.validation = validation;
	const extended = jsonObjectOf(
		ctx,
		itemIndex,
		fields.extendedSettings,
		'Extended NLU Settings (JSON)',
	);
	if (extended) settings.extendedSettings = extended;
	return Object.keys(settings).length ? settings : undefined;
}

/** The settings a PUT sends: the current ones with the changes; nested groups keep their other keys. */
export function mergedSettings(
	current: IDataObject | undefined,
	changes: IDataObject | undefined,
): IDataObject {
	const merged: IDataObject = { ...current, ...changes };
	for (const group of ['validation', 'extendedSettings']) {
		const before = current?.[group];
		if (changes?.[group] && before && typeof before === 'object' && !Array.isArray(before))
			merged[group] = { ...(before as IDataObject), ...(changes[group] as IDataObject) };
	}
	return merged;
}

export function projectOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	project: IDataObject,
): IDataObject {
	return projectOut(ctx, project, ctx.getNodeParameter('simplify', itemIndex, true) as boolean);
}
