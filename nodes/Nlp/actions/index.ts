import { withOutputDates } from '../../common/dates';
import type { Resource } from '../../common/router';
import { create as createEntity } from './entity/create.operation';
import { deleteEntity } from './entity/delete.operation';
import { get as getEntity } from './entity/get.operation';
import { getAll as getEntities } from './entity/getAll.operation';
import { update as updateEntity } from './entity/update.operation';
import { create as createRecord } from './entityRecord/create.operation';
import { deleteRecord } from './entityRecord/delete.operation';
import { getAll as getRecords } from './entityRecord/getAll.operation';
import { replaceAll as replaceRecords } from './entityRecord/replaceAll.operation';
import { update as updateRecord } from './entityRecord/update.operation';
import { upload as uploadRecords } from './entityRecord/upload.operation';
import { create as createIntent } from './intent/create.operation';
import { deleteIntent } from './intent/delete.operation';
import { exportIntents } from './intent/export.operation';
import { get as getIntent } from './intent/get.operation';
import { getAll as getIntents } from './intent/getAll.operation';
import { importIntents } from './intent/import.operation';
import { update as updateIntent } from './intent/update.operation';
import { getStatus } from './model/getStatus.operation';
import { train } from './model/train.operation';
import { exportProject } from './project/export.operation';
import { importProject } from './project/import.operation';
import { get as getSpeller } from './speller/get.operation';
import { set as setSpeller } from './speller/set.operation';
import { analyze } from './text/analyze.operation';
import { classify } from './text/classify.operation';
import { conform } from './text/conform.operation';
import { detectLanguage } from './text/detectLanguage.operation';
import { findEntities } from './text/findEntities.operation';
import { inflect } from './text/inflect.operation';
import { markup } from './text/markup.operation';

/** Output dates in the workflow zone (nodes/common/dates.ts): the training status times (`NLUStatusData`). */
const OUTPUT_DATES = [
	'lastChangeInIntents',
	'lastChangeInEntities',
	'lastModelTrainStart',
	'lastModelTrainTime',
	'cachedModelTrainStart',
	'cachedModelTrainTime',
];

/** Resources and their operations in the order the editor lists them: by name. */
const byName = <T extends { name: string }>(list: T[]) =>
	[...list].sort((a, b) => a.name.localeCompare(b.name));

export const nlpResources: Resource[] = withOutputDates(
	byName([
		{
			value: 'text',
			name: 'Text',
			operations: [analyze, classify, conform, detectLanguage, findEntities, inflect, markup],
		},
		{
			value: 'intent',
			name: 'Intent',
			operations: [
				createIntent,
				deleteIntent,
				exportIntents,
				getIntent,
				getIntents,
				importIntents,
				updateIntent,
			],
		},
		{
			value: 'entity',
			name: 'Entity',
			operations: [createEntity, deleteEntity, getEntity, getEntities, updateEntity],
		},
		{
			value: 'entityRecord',
			name: 'Entity Record',
			operations: [
				createRecord,
				deleteRecord,
				getRecords,
				replaceRecords,
				updateRecord,
				uploadRecords,
			],
		},
		{ value: 'project', name: 'Project', operations: [exportProject, importProject] },
		{ value: 'model', name: 'Model', operations: [getStatus, train] },
		{ value: 'speller', name: 'Speller', operations: [getSpeller, setSpeller] },
	]).map((resource) => ({ ...resource, operations: byName(resource.operations) })),
	OUTPUT_DATES,
);
