import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';

import { invalidInput, jsonObjectParameter, toEpochMs } from '../../common/validate';

export const DAYS: INodePropertyOptions[] = [
	{ name: 'Monday', value: 'mon' },
	{ name: 'Tuesday', value: 'tue' },
	{ name: 'Wednesday', value: 'wed' },
	{ name: 'Thursday', value: 'thu' },
	{ name: 'Friday', value: 'fri' },
	{ name: 'Saturday', value: 'sat' },
	{ name: 'Sunday', value: 'sun' },
];

const DAY_KEYS = DAYS.map((day) => day.value as string);
const TIME = /^(\d{1,2}):(\d{2})$/;

/** "+03:30", "-5", "UTC+3"-less offsets within ±18:00, or an IANA zone name; else undefined. */
export function checkedZone(zone: string): string | undefined {
	const offset = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
	if (offset) {
		const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
		if (minutes > 18 * 60 || Number(offset[3] ?? 0) > 59) return undefined;
		return `${offset[1]}${offset[2].padStart(2, '0')}:${offset[3] ?? '00'}`;
	}
	if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return undefined;
	try {
		return Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone
			? zone
			: undefined;
	} catch {
		return undefined;
	}
}

function minutesOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): [string, number] {
	const match = TIME.exec(String(value ?? '').trim());
	if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			`is not a time: ${JSON.stringify(value)}`,
			'Use 24-hour HH:MM, e.g. 09:30.',
		);
	}
	return [`${match[1].padStart(2, '0')}:${match[2]}`, Number(match[1]) * 60 + Number(match[2])];
}

/** Windows per day key, checked: HH:MM, From before To, no overlap within one day. */
function checkedAllowedTime(
	ctx: IExecuteFunctions,
	itemIndex: number,
	windows: Array<[string, unknown, unknown]>,
): IDataObject {
	const byDay: Record<
		string,
		Array<{ from: number; to: number; localTimeFrom: string; localTimeTo: string }>
	> = {};
	for (const [day, from, to] of windows) {
		if (day !== 'default' && !DAY_KEYS.includes(day)) {
			throw invalidInput(
				ctx,
				itemIndex,
				'Allowed Time',
				`has an unknown day "${day}"`,
				`Use ${DAY_KEYS.join(', ')} or default.`,
			);
		}
		const [localTimeFrom, start] = minutesOf(ctx, itemIndex, from, `Allowed Time ${day} From`);
		const [localTimeTo, end] = minutesOf(ctx, itemIndex, to, `Allowed Time ${day} To`);
		if (start >= end)
			throw invalidInput(
				ctx,
				itemIndex,
				`Allowed Time ${day}`,
				`${localTimeFrom}–${localTimeTo} does not end after it starts`,
			);
		(byDay[day] ??= []).push({ from: start, to: end, localTimeFrom, localTimeTo });
	}
	const allowedTime: IDataObject = {};
	for (const [day, list] of Object.entries(byDay)) {
		list.sort((a, b) => a.from - b.from);
		for (let n = 1; n < list.length; n++) {
			if (list[n].from < list[n - 1].to) {
				throw invalidInput(
					ctx,
					itemIndex,
					`Allowed Time ${day}`,
					`has overlapping windows ${list[n - 1].localTimeFrom}–${list[n - 1].localTimeTo} and ${list[n].localTimeFrom}–${list[n].localTimeTo}`,
				);
			}
		}
		allowedTime[day] = list.map(({ localTimeFrom, localTimeTo }) => ({
			localTimeFrom,
			localTimeTo,
		}));
	}
	return allowedTime;
}

function allowedTimeOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const mode = ctx.getNodeParameter('allowedTimeMode', itemIndex, 'campaign') as string;
	const windows: Array<[string, unknown, unknown]> = [];
	if (mode === 'fields') {
		const list = ((ctx.getNodeParameter('allowedTimeWindows', itemIndex, {}) as IDataObject)
			.window ?? []) as IDataObject[];
		for (const window of list)
			windows.push([String(window.day ?? 'default'), window.from, window.to]);
	} else if (mode === 'json') {
		const json =
			jsonObjectParameter(ctx, 'allowedTimeJson', itemIndex, 'Allowed Time (JSON)') ?? {};
		for (const [day, list] of Object.entries(json)) {
			if (!Array.isArray(list) || list.length === 0) {
				throw invalidInput(
					ctx,
					itemIndex,
					`Allowed Time (JSON) ${day}`,
					'must be a non-empty list of windows',
				);
			}
			for (const window of list as IDataObject[])
				windows.push([day, window?.localTimeFrom, window?.localTimeTo]);
		}
	}
	return windows.length ? checkedAllowedTime(ctx, itemIndex, windows) : undefined;
}

function intIn(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
	min: number,
	max: number,
): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = Number(value);
	if (!Number.isInteger(number) || number < min || number > max) {
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			`must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`,
		);
	}
	return number;
}

/** One `CallJobParameters` object, validated as the spec (and the platform) require. */
export function callJobParametersOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	number: { phone: string; payload?: IDataObject },
): IDataObject {
	const params: IDataObject = { phone: number.phone };
	if (number.payload) params.payload = number.payload;
	const policy = ctx.getNodeParameter('policy', itemIndex, {}) as IDataObject;

	const start = toEpochMs(ctx, policy.startDateTime, itemIndex, 'Start Date-Time');
	const finish = toEpochMs(ctx, policy.finishDateTime, itemIndex, 'Finish Date-Time');
	if (start !== undefined && finish !== undefined && start >= finish) {
		throw invalidInput(ctx, itemIndex, 'Start Date-Time', 'is not before Finish Date-Time');
	}
	if (start !== undefined) params.startDateTime = new Date(start).toISOString();
	if (finish !== undefined) params.finishDateTime = new Date(finish).toISOString();

	const days = policy.allowedDays as unknown;
	const dayList = (
		Array.isArray(days) ? days : typeof days === 'string' && days ? days.split(',') : []
	).map((d) => String(d).trim().toLowerCase().slice(0, 3));
	const unknownDay = dayList.find((day) => !DAY_KEYS.includes(day));
	if (unknownDay)
		throw invalidInput(ctx, itemIndex, 'Allowed Days', `has an unknown day "${unknownDay}"`);
	if (dayList.length) params.allowedDays = [...new Set(dayList)];

	const allowedTime = allowedTimeOf(ctx, itemIndex);
	if (allowedTime) params.allowedTime = allowedTime;
	params.retryIntervalInMinutes = intIn(
		ctx,
		itemIndex,
		policy.retryIntervalInMinutes,
		'Retry Interval (Minutes)',
		1,
		2880,
	);
	params.maxAttempts = intIn(ctx, itemIndex, policy.maxAttempts, 'Call Attempts', 1, 50);
	params.dialerPriority = intIn(ctx, itemIndex, policy.dialerPriority, 'Dialer Priority', 1, 5);

	const zone = String(policy.gmtZone ?? '').trim();
	if (zone) {
		const checked = checkedZone(zone);
		if (!checked)
			throw invalidInput(
				ctx,
				itemIndex,
				'Time Zone',
				`"${zone}" is neither an offset from -18:00 to +18:00 nor an IANA zone name`,
				'For example +03:30 or Europe/Berlin.',
			);
		params.gmtZone = checked;
	}
	const url = String(policy.externalCheckUrl ?? '').trim();
	if (url) {
		if (!/^https?:\/\/[^/\s]+/.test(url))
			throw invalidInput(ctx, itemIndex, 'External Check URL', 'is not an http(s) URL');
		params.externalCheck = {
			externalCheckUrl: url,
			externalCheckMaxRetries: intIn(
				ctx,
				itemIndex,
				policy.externalCheckMaxRetries,
				'External Check Max Retries',
				0,
				1000,
			),
		};
	}
	for (const key of Object.keys(params)) if (params[key] === undefined) delete params[key];
	return params;
}
