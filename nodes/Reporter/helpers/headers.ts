import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isTimeZone, zoneOffsetMs } from '../../common/dates';
import { invalidInput } from '../../common/validate';

/**
 * The optional headers of statistics and reports: `Timezone` and `language`. The spec calls
 * `Timezone` an int32 "timezone offset" without a unit; minutes east of UTC is what is sent
 * (docs/platform-assumptions.md). Users pick a zone by name instead of typing an offset.
 */
export const timeZoneOption: INodeProperties = {
	displayName: 'Time Zone',
	name: 'timeZone',
	type: 'string',
	default: '',
	placeholder: 'e.g. Europe/Berlin',
	description:
		'The time zone whose days and hours the platform counts in (a name from the IANA list); empty leaves it to the platform',
};

export const languageOption: INodeProperties = {
	displayName: 'Language',
	name: 'language',
	type: 'string',
	default: '',
	placeholder: 'e.g. en',
	description:
		'Two-letter code of the language for names in the answer or the report (filter and column names)',
};

export const headerOptions: INodeProperties[] = [timeZoneOption, languageOption];

/** The headers of one item from its Options → Time Zone and Language. */
export function headersOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): Record<string, string> {
	const headers: Record<string, string> = {};
	const zone = String(options.timeZone ?? '').trim();
	if (zone) {
		if (!isTimeZone(zone))
			throw invalidInput(
				ctx,
				itemIndex,
				'Time Zone',
				`is not a time zone: "${zone}"`,
				'Use a name such as Europe/Berlin or America/New_York.',
			);
		headers.Timezone = String(Math.round(zoneOffsetMs(zone, Date.now()) / 60_000));
	}
	if (options.language) headers.language = String(options.language);
	return headers;
}

/** The `language` header alone (filter definitions and options). */
export function languageHeader(language: unknown): Record<string, string> {
	return language ? { language: String(language) } : {};
}
