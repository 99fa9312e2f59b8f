import { withOutputDates } from '../../common/dates';
import type { Resource } from '../../common/router';
import { getAll as getManyClients } from './client/getAll.operation';
import { getAllForBot as getManyClientsForBot } from './client/getAllForBot.operation';
import { add as addComment } from './comment/add.operation';
import { deleteComment } from './comment/delete.operation';
import { countSessions as countExperimentSessions } from './experiment/countSessions.operation';
import { create as createExperiment } from './experiment/create.operation';
import { deleteExperiment } from './experiment/delete.operation';
import { finish as finishExperiment } from './experiment/finish.operation';
import { get as getExperiment } from './experiment/get.operation';
import { getAll as getManyExperiments } from './experiment/getAll.operation';
import { join as joinExperiment } from './experiment/join.operation';
import { createSet as createFilterSet } from './filter/createSet.operation';
import { getDefinitions as getFilterDefinitions } from './filter/getDefinitions.operation';
import { getOptions as getFilterOptions } from './filter/getOptions.operation';
import { getSet as getFilterSet } from './filter/getSet.operation';
import { changePriority as changeLabelGroupPriority } from './labelGroup/changePriority.operation';
import { deleteGroup as deleteLabelGroup } from './labelGroup/delete.operation';
import { get as getLabelGroup } from './labelGroup/get.operation';
import { update as updateLabelGroup } from './labelGroup/update.operation';
import { getAll as getManyMessages } from './message/getAll.operation';
import { getPagePosition } from './message/getPagePosition.operation';
import { addToMessage } from './messageLabel/addToMessage.operation';
import { bulkLabel as bulkLabelMessages } from './messageLabel/bulkLabel.operation';
import { changePriority as changeMessageLabelPriority } from './messageLabel/changePriority.operation';
import { create as createMessageLabel } from './messageLabel/create.operation';
import { deleteLabel as deleteMessageLabel } from './messageLabel/delete.operation';
import { get as getMessageLabel } from './messageLabel/get.operation';
import { getAll as getManyMessageLabels } from './messageLabel/getAll.operation';
import { removeFromMessage } from './messageLabel/removeFromMessage.operation';
import { setForMessage } from './messageLabel/setForMessage.operation';
import { update as updateMessageLabel } from './messageLabel/update.operation';
import { create as createReport } from './report/create.operation';
import { deleteCompleted as deleteCompletedTasks } from './report/deleteCompleted.operation';
import { deleteTask } from './report/deleteTask.operation';
import { download as downloadReport } from './report/download.operation';
import { getAllTasks } from './report/getAllTasks.operation';
import { getTask } from './report/getTask.operation';
import { count as countSessions } from './session/count.operation';
import { getAll as getManySessions } from './session/getAll.operation';
import { addToSession } from './sessionLabel/addToSession.operation';
import { bulkLabel as bulkLabelSessions } from './sessionLabel/bulkLabel.operation';
import { changePriority as changeSessionLabelPriority } from './sessionLabel/changePriority.operation';
import { create as createSessionLabel } from './sessionLabel/create.operation';
import { deleteLabel as deleteSessionLabel } from './sessionLabel/delete.operation';
import { get as getSessionLabel } from './sessionLabel/get.operation';
import { removeFromSession } from './sessionLabel/removeFromSession.operation';
import { setForSession } from './sessionLabel/setForSession.operation';
import { update as updateSessionLabel } from './sessionLabel/update.operation';
import { getByInterval } from './statistics/getByInterval.operation';
import { getSummary } from './statistics/getSummary.operation';
import { getAll as getManyStateRoutes } from './stateRoute/getAll.operation';

/**
 * Output dates in the workflow zone (nodes/common/dates.ts): the date-time fields of the Reporter
 * and Async API answers (`yyyy-MM-ddTHH:mm:ss.SSSZ`). Statistics write their own (`intervalStart`).
 */
const OUTPUT_DATES = [
	'startTime',
	'sessionStartTime',
	'timestamp',
	'joinDate',
	'lastVisitDate',
	'blockDate',
	'creationTime',
	'requestTime',
	'responseTime',
];

export const reporterResources: Resource[] = withOutputDates(
	[
		{ value: 'statistics', name: 'Statistic', operations: [getByInterval, getSummary] },
		{ value: 'session', name: 'Session', operations: [countSessions, getManySessions] },
		{ value: 'client', name: 'Client', operations: [getManyClients, getManyClientsForBot] },
		{ value: 'message', name: 'Message', operations: [getManyMessages, getPagePosition] },
		{ value: 'stateRoute', name: 'State Route', operations: [getManyStateRoutes] },
		{
			value: 'messageLabel',
			name: 'Message Label',
			operations: [
				addToMessage,
				bulkLabelMessages,
				changeMessageLabelPriority,
				createMessageLabel,
				deleteMessageLabel,
				getMessageLabel,
				getManyMessageLabels,
				removeFromMessage,
				setForMessage,
				updateMessageLabel,
			],
		},
		{
			value: 'labelGroup',
			name: 'Label Group',
			description:
				'Groups of message labels; a group is created with its first label (Message Label → Create)',
			operations: [changeLabelGroupPriority, deleteLabelGroup, getLabelGroup, updateLabelGroup],
		},
		{
			value: 'sessionLabel',
			name: 'Session Label',
			description: 'Labels that mark whole sessions',
			operations: [
				addToSession,
				bulkLabelSessions,
				changeSessionLabelPriority,
				createSessionLabel,
				deleteSessionLabel,
				getSessionLabel,
				removeFromSession,
				setForSession,
				updateSessionLabel,
			],
		},
		{ value: 'comment', name: 'Comment', operations: [addComment, deleteComment] },
		{
			value: 'experiment',
			name: 'Experiment',
			operations: [
				countExperimentSessions,
				createExperiment,
				deleteExperiment,
				finishExperiment,
				getExperiment,
				getManyExperiments,
				joinExperiment,
			],
		},
		{
			value: 'report',
			name: 'Report',
			operations: [
				createReport,
				deleteCompletedTasks,
				deleteTask,
				downloadReport,
				getAllTasks,
				getTask,
			],
		},
		{
			value: 'filter',
			name: 'Filter',
			operations: [getFilterDefinitions, getFilterOptions, getFilterSet, createFilterSet],
		},
	],
	OUTPUT_DATES,
);
