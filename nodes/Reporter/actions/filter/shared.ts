import type { INodeProperties } from 'n8n-workflow';

export const FILTER_KEYS = [
	'SESSION_ID', 'SESSION_START_TIME', 'SESSION_END_TIME', 'SESSION_LABELS', 'SESSION_RESULT', 'INITIATOR',
	'CALL_TASK_ID', 'CHANNEL_TYPE', 'BOT_ID', 'CLIENT_ID_OR_NAME', 'CLIENT_JOIN_TIME', 'CLIENT_LAST_ACTIVITY_TIME',
	'MESSAGE_TYPE', 'MESSAGE_TIME', 'MESSAGE_TEXT', 'ANSWER_TEXT', 'MESSAGE_OR_ANSWER_TEXT', 'MESSAGE_COUNT',
	'LOG_LABELS', 'COMMENT_TEXT', 'NLP_CLASS', 'NLP_STATE', 'INTENT', 'TRANSFER_TO_OPERATOR', 'WITHOUT_EMPTY_SESSIONS',
	'WITHOUT_EMPTY_MESSAGES', 'CUSTOM_FIELDS_IN_RESPONSE', 'EXCEPTION_EXISTENCE', 'SESSION_DATA', 'STATE_ROUTES',
	'TEXT_CAMPAIGN_ID', 'TEXT_CAMPAIGN_RESULT', 'SESSION_TOPIC', 'SCENARIO_ACTION', 'PERIOD', 'CHANNEL_NAME',
	'BOT_REPLIES', 'CLIENT_TYPE', 'AUTOMATION_STATUS', 'NPS', 'WITHOUT_TEST_SESSIONS',
];

const SECTIONS = [
	'CLIENTS', 'SESSIONS', 'CLIENTS_DIALOGS', 'REPORTS_ACTIVITY', 'REPORTS_EFFICIENCY', 'REPORTS_SESSION_TOPIC',
	'REPORTS_SESSION_RESULT', 'REPORTS_SCENARIO_ACTION',
];

function title(value: string): string {
	return value
		.toLowerCase()
		.split('_')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

export const sectionField: INodeProperties = {
	displayName: 'Analytics Section',
	name: 'analyticsSection',
	type: 'options',
	options: SECTIONS.map((value) => ({ name: title(value), value })),
	default: 'SESSIONS',
	description: 'The analytics page whose filters to read',
};

export const filterKeyField: INodeProperties = {
	displayName: 'Filter Key',
	name: 'filterKey',
	type: 'options',
	options: FILTER_KEYS.map((value) => ({ name: title(value), value })),
	default: 'BOT_ID',
};

export const languageField: INodeProperties = {
	displayName: 'Language',
	name: 'language',
	type: 'string',
	default: '',
	placeholder: 'e.g. en',
	description: 'Language of the labels in the answer (sent as the language header)',
};

export function languageHeader(language: unknown): Record<string, string> {
	return language ? { language: String(language) } : {};
}
