import type { IDataObject } from 'n8n-workflow';

function clientName(client: unknown): IDataObject {
	const c = (client ?? {}) as IDataObject;
	const name = [c.firstName, c.lastName].filter(Boolean).join(' ') || c.username || undefined;
	return { clientId: c.id, clientName: name };
}

function labelNames(labels: unknown): string[] | undefined {
	return Array.isArray(labels) ? labels.map((label: IDataObject) => String(label.name)) : undefined;
}

/** At most ten flat fields per session (UX guideline for "Simplify"). */
export function simplifySession(session: IDataObject): IDataObject {
	return {
		sessionId: session.sessionId,
		botId: session.botId,
		channelType: session.channelType,
		...clientName(session.client),
		startTime: session.startTime,
		questionCount: session.questionCount,
		duration: session.duration,
		sessionResult: session.sessionResult,
		labels: labelNames(session.labels),
	};
}

export function simplifyMessage(message: IDataObject): IDataObject {
	const nlp = (message.nlpInfo ?? {}) as IDataObject;
	return {
		questionId: message.questionId,
		sessionId: message.sessionId,
		...(message.client ? clientName(message.client) : {}),
		timestamp: message.timestamp,
		question: message.question,
		textAnswer: message.textAnswer,
		state: nlp.nlpState,
		labels: labelNames(message.labels),
		comment: message.comment,
	};
}

export function simplifyClient(client: IDataObject): IDataObject {
	return {
		...clientName(client),
		username: client.username,
		botId: client.botId,
		channelType: client.channelType,
		joinDate: client.joinDate,
		lastVisitDate: client.lastVisitDate,
		lastSessionId: client.lastSessionId,
		isBlocked: client.isBlocked,
	};
}

export function simplifyTask(task: IDataObject): IDataObject {
	return {
		taskId: task.taskId,
		reportType: task.reportType,
		status: task.status,
		creationTime: task.creationTime,
		projectShortName: task.projectShortName,
		writeCount: task.writeCount,
		totalCount: task.totalCount,
		fileName: task.fileName,
		fileUrl: task.fileUrl,
	};
}
