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
import { labelGroupOperations as labelGroup } from './labelGroup/operations';
import { getAll as getManyMessages } from './message/getAll.operation';
import { getPagePosition } from './message/getPagePosition.operation';
import { addToMessage } from './messageLabel/addToMessage.operation';
import { bulkLabel as bulkLabelMessages } from './messageLabel/bulkLabel.operation';
import { create as createMessageLabel } from './messageLabel/create.operation';
import { createMany as createMessageLabels } from './messageLabel/createMany.operation';
import { getAll as getManyMessageLabels } from './messageLabel/getAll.operation';
import { messageLabelOperations as messageLabel } from './messageLabel/operations';
import { removeFromMessage } from './messageLabel/removeFromMessage.operation';
import { setForMessage } from './messageLabel/setForMessage.operation';
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
import { create as createSessionLabel } from './sessionLabel/create.operation';
import { sessionLabelOperations as sessionLabel } from './sessionLabel/operations';
import { removeFromSession } from './sessionLabel/removeFromSession.operation';
import { setForSession } from './sessionLabel/setForSession.operation';
import { getAdvanced } from './statistics/getAdvanced.operation';
import { getSummary } from './statistics/getSummary.operation';
import { getAll as getManyStateRoutes } from './stateRoute/getAll.operation';

/**
 * Output dates in the workflow zone (nodes/common/dates.ts): the date-time fields of the Reporter
 * and Async API answers (`yyyy-MM-ddTHH:mm:ss.SSSZ`) and the epoch-ms `ts` of statistics.
 */
const OUTPUT_DATES = ['ts', 'startTime', 'sessionStartTime', 'timestamp', 'joinDate', 'lastVisitDate', 'blockDate', 'creationTime', 'requestTime', 'responseTime'];

export const reporterResources: Resource[] = withOutputDates([
	{ value: 'statistics', name: 'Statistic', operations: [getSummary, getAdvanced] },
	{ value: 'session', name: 'Session', operations: [getManySessions, countSessions] },
	{ value: 'client', name: 'Client', operations: [getManyClients, getManyClientsForBot] },
	{ value: 'message', name: 'Message', operations: [getManyMessages, getPagePosition] },
	{ value: 'stateRoute', name: 'State Route', operations: [getManyStateRoutes] },
	{
		value: 'messageLabel',
		name: 'Message Label',
		operations: [
			createMessageLabel, messageLabel.get, getManyMessageLabels, messageLabel.update, messageLabel.delete,
			messageLabel.changePriority, createMessageLabels, messageLabel.updateMany, addToMessage, removeFromMessage,
			setForMessage, bulkLabelMessages,
		],
	},
	{
		value: 'labelGroup',
		name: 'Label Group',
		description: 'Groups of message labels (created with their first label; the API cannot list them)',
		operations: [labelGroup.get, labelGroup.update, labelGroup.delete, labelGroup.changePriority, labelGroup.updateMany],
	},
	{
		value: 'sessionLabel',
		name: 'Session Label',
		description: 'The API has no call that lists session labels',
		operations: [
			createSessionLabel, sessionLabel.get, sessionLabel.update, sessionLabel.delete, sessionLabel.changePriority,
			sessionLabel.updateMany, addToSession, removeFromSession, setForSession, bulkLabelSessions,
		],
	},
	{ value: 'comment', name: 'Comment', operations: [addComment, deleteComment] },
	{
		value: 'experiment',
		name: 'Experiment',
		operations: [
			createExperiment, getExperiment, getManyExperiments, finishExperiment, deleteExperiment, joinExperiment,
			countExperimentSessions,
		],
	},
	{
		value: 'report',
		name: 'Report',
		operations: [createReport, downloadReport, getTask, getAllTasks, deleteTask, deleteCompletedTasks],
	},
	{
		value: 'filter',
		name: 'Filter',
		operations: [getFilterDefinitions, getFilterOptions, getFilterSet, createFilterSet],
	},
], OUTPUT_DATES);
