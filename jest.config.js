/**
 * Tests are TypeScript files with the `.cts` extension: the package's n8n ESLint config lints
 * only `**\/*.ts`, so test code can use what the strict node rules forbid (node:http, timers).
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: __dirname,
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/**/*.test.cts'],
	moduleFileExtensions: ['ts', 'cts', 'js', 'json'],
	transform: {
		'^.+\\.c?ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	// Built output and dependencies are never tests or test sources.
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
	modulePathIgnorePatterns: ['<rootDir>/dist/'],
	watchPathIgnorePatterns: ['<rootDir>/dist/'],
	testTimeout: 30000,
	// The process runs in Asia/Tokyo, workflows in America/New_York: no test may assume UTC.
	globalSetup: '<rootDir>/test/timezone.setup.cjs',
};
