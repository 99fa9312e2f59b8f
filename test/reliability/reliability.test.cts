/**
 * The package-wide reliability and security suite (issue 7): one table over every operation of
 * every node, generated from the node descriptions, plus the trigger's abuse tests. Prints one
 * summary line at the end.
 */
import { useFastRetries } from '../helpers/integration.cts';
import { describeActing } from './acting.cts';
import { describeActions } from './actions.cts';
import { describeBadInput, specBadInputs } from './badInput.cts';
import { describeBatches } from './batches.cts';
import { stats, withVariantCounts } from './leaks.cts';
import { describeTrigger } from './trigger.cts';
import { autoParameters } from './catalog.cts';
import { FIXTURES } from './fixtures.cts';
import { startEnv, type Env } from './platform.cts';

/** A row's parameters known before the platform runs (fixtures computed at run time add ids only). */
const staticParameters = (row: Parameters<typeof autoParameters>[0]) => {
	const params = FIXTURES[row.key]?.params;
	return { ...autoParameters(row), ...(typeof params === 'object' ? params : {}) };
};

let env: Env;
useFastRetries();
beforeAll(async () => {
	env = await startEnv();
});
afterAll(async () => {
	await env?.fake.close();
	// Variants (several input items, another filter) are listed apart from the operations; the
	// faults, bad inputs and places checked include theirs.
	const actingVariants = stats.actingVariants
		? ` (+${stats.actingVariants} variant${stats.actingVariants === 1 ? '' : 's'})`
		: '';
	console.log(
		`[reliability] operations covered: ${withVariantCounts(stats.operations, stats.variants)}, faults injected: ${stats.faults}, bad inputs tried: ${stats.badInputs} (${specBadInputs.count} from the vendor specs' limits), ` +
			`places checked for secrets: ${stats.places}, leaks found: ${stats.leaks.length}, ` +
			`acting operations: ${stats.acting}${actingVariants}, ` +
			`repeats by Retry On Fail: ${stats.repeatChecks.retryOnFail}, by a retried execution: ${stats.repeatChecks.retriedExecution}, failures mid-batch: ${stats.repeatChecks.midBatch}, ` +
			`duplicate side effects: ${stats.duplicates}, ` +
			`requests checked against the vendor specs: ${env?.fake.specChecked ?? 0}, spec violations: ${env?.fake.specViolations.length ?? 0}`,
	);
});

describeActions(() => env);
describe('an operation that acts never acts twice, whatever fails on the way', () =>
	describeActing(() => env));
describe('bad input gets a clear error and sends nothing', () =>
	describeBadInput(() => env, staticParameters));

describe('batched operations re-run after an interruption', () => describeBatches(() => env));
describe('the trigger cannot be abused', () => describeTrigger(() => env));

describe('the contract', () => {
	it('never sent Idempotence-Key in a query string (specs/common.yml: a header)', () => {
		expect(env.fake.contractViolations).toEqual([]);
	});

	it('sent nothing a vendor spec forbids (../shared/specs, checked by the fake)', () => {
		expect(env.fake.specViolations).toEqual([]);
	});

	it('no side effect reached the platform twice', () => {
		expect(stats.duplicates).toBe(0);
	});
});

describe('no leak anywhere', () => {
	it('found no secret in any place checked', () => {
		expect(stats.leaks).toEqual([]);
	});
});
