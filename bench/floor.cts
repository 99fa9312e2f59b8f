/**
 * The floor a node cannot go below inside n8n: a node that only reads the given parameters for
 * every item (expressions resolved by n8n-core, as for the real node) and outputs one item each.
 * Benchmarks run it beside the node they measure: node time ≈ floor + round trips is the target.
 */
import { readFileSync } from 'node:fs';
import * as http from 'node:http';

import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { registerNodeType } from '../test/helpers/harness.cts';

/** Registers `bench.floor<name>` reading `read` (parameter paths) per item; returns the type name. */
export function registerFloorNode(
	name: string,
	properties: INodeProperties[],
	read: string[],
): string {
	const type = `bench.floor${name}`;
	class FloorNode implements INodeType {
		description: INodeTypeDescription = {
			displayName: `Floor ${name}`,
			name: type,
			group: ['transform'],
			version: 1,
			description: 'Reads parameters per item, nothing else',
			defaults: { name: `Floor ${name}` },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties,
		};

		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return [
				this.getInputData().map((_item, itemIndex) => ({
					json: Object.fromEntries(
						read.map((path) => [path, this.getNodeParameter(path, itemIndex) as string]),
					),
					pairedItem: { item: itemIndex },
				})),
			];
		}
	}
	registerNodeType(type, new FloorNode());
	return type;
}

/** `a / b` as "1.23x". */
export const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;

/** The 1, 5 and 15 minute load averages: how busy the machine was (benchmarks share it). */
export const loadAverage = (): string =>
	readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

export interface Timing {
	/** Fastest wall time, seconds. */
	wall: number;
	/** Least process CPU time (user + system), seconds. */
	cpu: number;
}

/**
 * Runs each task `runs` times, interleaved (a, b, c, a, b, c…) so that a drifting machine or heap
 * weighs on every task alike; the best timing of each, in the order given.
 */
export async function interleaved(
	runs: number,
	tasks: Array<() => Promise<void>>,
): Promise<Timing[]> {
	const best = tasks.map((): Timing => ({ wall: Infinity, cpu: Infinity }));
	for (let run = 0; run < runs; run++) {
		for (const [n, task] of tasks.entries()) {
			const started = process.hrtime.bigint();
			const cpuBefore = process.cpuUsage();
			await task();
			const { user, system } = process.cpuUsage(cpuBefore);
			best[n].wall = Math.min(best[n].wall, Number(process.hrtime.bigint() - started) / 1e9);
			best[n].cpu = Math.min(best[n].cpu, (user + system) / 1e6);
		}
	}
	return best;
}

/** What `replay` needs of a request the fake platform recorded. */
interface Recorded {
	method: string;
	rawPath: string;
	headers: http.IncomingHttpHeaders;
	rawBody: string;
}

/**
 * Sends `requests` (recorded by the fake platform) again, one after the other over one keep-alive
 * connection, as they were: the round trips of a node without the node.
 */
export async function replay(baseUrl: string, requests: Recorded[]): Promise<void> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	for (const { method, rawPath, headers, rawBody } of requests) {
		await new Promise<void>((resolve, reject) => {
			const request = http.request(
				`${baseUrl}${rawPath}`,
				{ method, agent, headers: { ...headers, connection: 'keep-alive' } },
				(response) => {
					response.resume();
					response.on('end', () => resolve());
				},
			);
			request.on('error', reject);
			request.end(rawBody);
		});
	}
	agent.destroy();
}
