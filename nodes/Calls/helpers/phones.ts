import type { INode } from 'n8n-workflow';

import { invalidInput } from '../../common/validate';

/** Spaces, dashes, dots, parentheses and a leading + removed: "+1 (650) 000-0000" → "16500000000". */
export function normalizePhone(phone: string): string {
	return phone
		.trim()
		.replace(/[\s\-().]/g, '')
		.replace(/^\+/, '');
}

/** A phone after formatting is removed, or an error naming the field and the item. */
export function checkedPhone(
	ctx: { getNode(): INode },
	itemIndex: number,
	raw: string,
	label: string,
): string {
	const phone = normalizePhone(raw);
	if (!/^\d{3,20}$/.test(phone)) {
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			`"${raw}" is not a phone number`,
			'Use digits only, with the country code, e.g. 16500000000.',
		);
	}
	return phone;
}
