/**
 * Tovie Text Campaign helpers: date-times as the platform reads them (zone-less, in the platform
 * zone) and which sending statuses end Wait for Delivery.
 */
import { isFinal } from '../../nodes/TextCampaign/helpers/delivery';
import { platformDate } from '../../nodes/TextCampaign/helpers/dates';

describe('platformDate', () => {
	it.each([
		['2030-01-15T11:30:00.000Z', 'UTC', '2030-01-15T11:30:00'],
		['2030-01-15T11:30:00.250Z', 'UTC', '2030-01-15T11:30:00.250'],
		['2030-01-15T11:30:00.000Z', 'Europe/Berlin', '2030-01-15T12:30:00'],
		['2030-07-15T11:30:00.000Z', 'Europe/Berlin', '2030-07-15T13:30:00'],
		['2030-01-15T03:00:00.000Z', 'America/New_York', '2030-01-14T22:00:00'],
		['2030-01-15T11:30:00.000Z', 'Asia/Kolkata', '2030-01-15T17:00:00'],
	])('%s in %s is %s, without a zone', (iso, zone, expected) => {
		expect(platformDate(Date.parse(iso), zone)).toBe(expected);
	});
});

describe('isFinal', () => {
	it.each([
		['SENT', false, true],
		['FAILED', false, true],
		['CANCELED', false, true],
		['DELIVERED', false, true],
		['NOT_DELIVERED', false, true],
		['INIT', false, false],
		['PENDING', false, false],
		['POSTPONED', false, false],
		['POSTPONED', true, true],
		['PENDING', true, false],
		[undefined, false, false],
	])('%s (scheduled: %s) → %s', (status, scheduled, final) => {
		expect(isFinal(status, scheduled)).toBe(final);
	});
});
