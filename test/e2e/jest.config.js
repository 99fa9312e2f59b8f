/**
 * End-to-end suites: real n8n processes started by test/e2e/n8n.cts. Run them through
 * `npm run test:e2e` / `npm run test:queue` (scripts/e2e.sh, scripts/queue.sh), which install n8n
 * and pack the package first. Their files end in `.e2e.cts` so the unit/integration run skips them.
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/e2e/**/*.e2e.cts'],
	moduleFileExtensions: ['ts', 'cts', 'js', 'json'],
	transform: {
		'^.+\\.c?ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	// The queue-mode suite needs Redis and PostgreSQL: only scripts/queue.sh runs it.
	testPathIgnorePatterns: [
		'/node_modules/',
		'<rootDir>/dist/',
		...(process.env.E2E_QUEUE === '1' ? [] : ['/test/e2e/queue/']),
	],
	modulePathIgnorePatterns: ['<rootDir>/dist/'],
	testTimeout: 180000,
	verbose: true,
};
