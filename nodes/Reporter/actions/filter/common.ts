import type { INodeProperties } from 'n8n-workflow';

import { keyOptions } from '../../helpers/filterFields';
import { languageOption } from '../../helpers/headers';

const SECTIONS: Record<string, string> = {
	CLIENTS: 'Clients',
	CLIENTS_DIALOGS: 'Client Dialogs',
	REPORTS_ACTIVITY: 'Reports: Activity',
	REPORTS_EFFICIENCY: 'Reports: Efficiency',
	REPORTS_SCENARIO_ACTION: 'Reports: Script Actions',
	REPORTS_SESSION_RESULT: 'Reports: Session Results',
	REPORTS_SESSION_TOPIC: 'Reports: Session Topics',
	SESSIONS: 'Sessions',
};

export const sectionField: INodeProperties = {
	displayName: 'Analytics Section',
	name: 'analyticsSection',
	type: 'options',
	options: Object.entries(SECTIONS).map(([value, name]) => ({ name, value })),
	default: 'SESSIONS',
	description: 'The page of the platform’s Analytics whose filters to read',
};

export const filterKeyField: INodeProperties = {
	displayName: 'Filter',
	name: 'filterKey',
	type: 'options',
	options: keyOptions(),
	default: 'BOT_ID',
	description: 'The filter whose values to read',
};

export const languageField: INodeProperties = {
	...languageOption,
	description: 'Two-letter code of the language for filter and value names in the answer',
};
