/**
 * The editor, held to n8n's UX guidelines (docs/architecture.md, "Editor rules"): a walk over every
 * node's description that counts what a reviewer of a verified node would flag, prints the counts
 * and expects each to be 0.
 */
import { join, resolve } from 'path';
import type {
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';

const root = resolve(__dirname, '../..');
const pkg = require(join(root, 'package.json'));

const nodes = (pkg.n8n.nodes as string[]).map((distPath) => {
	const exported = require(join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts')));
	return new (Object.values(exported)[0] as new () => INodeType)();
});

/** Words title case leaves in lower case, and words that are spelled as the product spells them. */
const SMALL_WORDS = new Set([
	'a',
	'an',
	'and',
	'as',
	'at',
	'by',
	'for',
	'from',
	'in',
	'of',
	'on',
	'or',
	'per',
	'the',
	'to',
	'vs',
	'via',
	'with',
]);
const isTitleWord = (word: string, first: boolean) =>
	!/^[a-z]/.test(word) || (!first && SMALL_WORDS.has(word)) || /^(e\.g\.|iOS|eMail)$/.test(word);

export function titleCaseBreaks(label: string): string[] {
	const words = label
		.replace(/\([^)]*\)/g, (m) => m.slice(1, -1))
		.split(/[\s/-]+/)
		.filter(Boolean);
	return words.filter((word, i) => !isTitleWord(word, i === 0));
}

type Field = INodeProperties | INodePropertyCollection;
interface Walked {
	node: string;
	path: string;
	field: Field;
}

function walk(node: string, fields: Field[], prefix = ''): Walked[] {
	return fields.flatMap((field) => {
		const path = `${prefix}${field.displayName}`;
		const here: Walked = { node, path, field };
		const inner =
			'options' in field && Array.isArray(field.options)
				? field.options
				: 'values' in field
					? field.values
					: [];
		const children = (inner as Array<Field | INodePropertyOptions>).filter(
			(o): o is Field => 'displayName' in o,
		);
		return [here, ...walk(node, children, `${path} → `)];
	});
}

const UNDESCRIBED_OK = new Set(['notice', 'hidden']);
const SELECTORS = new Set(['resource', 'operation', 'event', 'authentication']);

const walked = nodes.flatMap((n) =>
	walk(n.description.displayName, n.description.properties as Field[]),
);
const options = walked.flatMap(({ node, path, field }) =>
	'type' in field &&
	(field.type === 'options' || field.type === 'multiOptions') &&
	Array.isArray(field.options)
		? (field.options as INodePropertyOptions[]).map((o) => ({
				node,
				path: `${path} = ${o.name}`,
				option: o,
			}))
		: [],
);
const actions = nodes.flatMap((n) =>
	(n.description.properties as INodeProperties[])
		.filter((p) => p.name === 'operation')
		.flatMap((p) =>
			(p.options as INodePropertyOptions[]).map((o) => ({
				node: n.description.displayName,
				action: String(o.action ?? ''),
				value: String(o.value),
			})),
		),
);

const undescribed = walked.filter(({ field }) => {
	if ('type' in field && UNDESCRIBED_OK.has(field.type)) return false;
	if ('name' in field && SELECTORS.has(field.name) && !('values' in field)) return false;
	return (
		!('description' in field && field.description) &&
		!('hint' in field && (field as INodeProperties).hint)
	);
});
const titleBreaks = [
	...walked
		.filter(({ field }) => !('type' in field && field.type === 'notice'))
		.map(({ node, path, field }) => ({ node, path, label: field.displayName })),
	...options.map(({ node, path, option }) => ({ node, path, label: option.name })),
].filter(({ label }) => titleCaseBreaks(label).length > 0);
const articles = actions.filter(({ action }) => /\b(a|an|the)\b/i.test(action));

/** The subtitle evaluated for every operation: it has to read as display names, not raw values. */
function rawSubtitles(n: INodeType): string[] {
	const subtitle = n.description.subtitle;
	if (!subtitle) return [];
	const props = n.description.properties as INodeProperties[];
	const resourceProp = props.find((p) => p.name === 'resource');
	const combos = props
		.filter((p) => ['operation', 'triggerOn'].includes(p.name) && Array.isArray(p.options))
		.flatMap((p) => {
			const values = (p.options as INodePropertyOptions[]).map((o) => o.value);
			const resources = (p.displayOptions?.show?.resource as string[] | undefined) ?? [undefined];
			return resources.flatMap((resource) =>
				values.map((v) => ({ resource, [p.name]: p.type === 'multiOptions' ? [v] : v })),
			);
		});
	const raw = new Set(
		props.flatMap((p) =>
			(p.type === 'options' || p.type === 'multiOptions') && Array.isArray(p.options)
				? (p.options as INodePropertyOptions[]).map((o) => String(o.value))
				: [],
		),
	);
	const body = String(subtitle)
		.replace(/^=\{\{/, '')
		.replace(/\}\}$/, '');
	return combos.flatMap((combo) => {
		const parameter = { ...combo, resource: combo.resource ?? resourceProp?.default };
		let text: string;
		try {
			text = String(new Function('$parameter', `return (${body});`)(parameter));
		} catch (error) {
			return [`${n.description.displayName}: subtitle fails (${(error as Error).message})`];
		}
		const words = text.split(/[^A-Za-z]+/).filter(Boolean);
		const bad = words.filter((w) => /^[a-z]/.test(w) && (raw.has(w) || !SMALL_WORDS.has(w)));
		return bad.length ? [`${n.description.displayName}: "${text}"`] : [];
	});
}
const subtitles = nodes.flatMap(rawSubtitles);

describe('editor walk over every node description', () => {
	it('prints its counts', () => {
		const counts = {
			nodes: nodes.length,
			operations: actions.length,
			fields: walked.length,
			'fields without a description': undescribed.length,
			'title-case breaks': titleBreaks.length,
			'raw subtitles': subtitles.length,
			'articles in actions': articles.length,
		};
		console.info(
			Object.entries(counts)
				.map(([k, v]) => `${k}: ${v}`)
				.join(', '),
		);
		expect(counts).toBeDefined();
	});
	it('describes every field', () =>
		expect(undescribed.map(({ node, path }) => `${node}: ${path}`)).toEqual([]));
	it('writes labels and option names in title case', () =>
		expect(titleBreaks.map(({ node, path, label }) => `${node}: ${path} (${label})`)).toEqual([]));
	it('builds subtitles from display names', () => expect(subtitles).toEqual([]));
	it('writes actions without articles', () =>
		expect(articles.map(({ node, action }) => `${node}: ${action}`)).toEqual([]));
});
