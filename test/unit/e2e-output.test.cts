import { rawOutputOf } from '../e2e/n8n.cts';

describe('the run JSON of `n8n execute`, among its log lines', () => {
	const run = { data: { resultData: { runData: { A: [] } } } };
	const pretty = JSON.stringify(run, null, 2);

	it.each([
		['alone', pretty],
		['after log lines', `Starting…\n{"level":"info"}\n${pretty}`],
		[
			'before a late log line (the task runner registers)',
			`${pretty}\nRegistered runner "JS Task Runner"\n`,
		],
		['between log lines', `a log line\n${pretty}\n{"level":"debug"}\n}\n`],
	])('is found %s', (_name, stdout) => {
		expect(rawOutputOf(stdout)).toEqual(run);
	});

	it('is undefined when there is none', () => {
		expect(rawOutputOf('Execution was successful\n{ not json\n}')).toBeUndefined();
	});
});
