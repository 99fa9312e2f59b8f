/**
 * Jest global setup: every test runs with the process in a zone that is not UTC (and not the
 * workflow's), so code that reads dates in the host zone instead of the workflow zone fails.
 * Set before any worker starts, so workers inherit it; `TOVIE_TEST_TZ` picks another zone.
 * The workflow zone is the harness default (test/helpers/harness.cts, America/New_York).
 */
module.exports = async () => {
	process.env.TZ = process.env.TOVIE_TEST_TZ || 'Asia/Tokyo';
};
