'use strict';
// Where-clause matching: the subset of LeanCloud's storage query language that conversation queries use.
const { fail } = require('./failures.cjs');

/**
 * @param {any} doc
 * @param {string} path
 * @returns {any}
 */
function fieldValue(doc, path) {
	return path.split('.').reduce((/** @type {any} */ value, key) => (value === undefined || value === null ? undefined : value[key]), doc);
}

/** @type {(a: unknown, b: unknown) => boolean} */
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** A LeanCloud Date operand ({"__type": "Date", "iso": …}) compares as its ISO text, as stored dates are kept here. */
/** @type {(operand: any) => any} */
const operandValue = (operand) =>
	typeof operand === 'object' && operand !== null && operand.__type === 'Date' && typeof operand.iso === 'string' ? operand.iso : operand;

/**
 * @param {any} value
 * @param {any} condition
 * @returns {boolean}
 */
function matchesCondition(value, condition) {
	const isOperatorObject =
		typeof condition === 'object' && condition !== null && !Array.isArray(condition) && Object.keys(condition).some((key) => key.startsWith('$'));
	if (!isOperatorObject) return Array.isArray(value) && !Array.isArray(condition) ? value.some((entry) => same(entry, condition)) : same(value, condition);
	return Object.entries(condition).every(([operator, /** @type {any} */ operand]) => {
		const values = Array.isArray(value) ? value : [value];
		switch (operator) {
			case '$regex':
				return values.some((entry) => typeof entry === 'string' && new RegExp(operand, condition.$options ?? '').test(entry));
			case '$options':
				return true;
			case '$in':
				return values.some((entry) => operand.some((/** @type {unknown} */ candidate) => same(entry, candidate)));
			case '$nin':
				return !values.some((entry) => operand.some((/** @type {unknown} */ candidate) => same(entry, candidate)));
			case '$ne':
				return !matchesCondition(value, operand);
			case '$exists':
				return (value !== undefined) === Boolean(operand);
			case '$all':
				return Array.isArray(value) && operand.every((/** @type {unknown} */ candidate) => value.some((entry) => same(entry, candidate)));
			case '$size':
				return Array.isArray(value) && value.length === operand;
			case '$gt':
				return value > operandValue(operand);
			case '$gte':
				return value >= operandValue(operand);
			case '$lt':
				return value < operandValue(operand);
			case '$lte':
				return value <= operandValue(operand);
			default:
				return fail(400, 102, `Unsupported query operator ${operator}.`);
		}
	});
}

/**
 * @param {any} doc
 * @param {Record<string, any>} where
 * @returns {boolean}
 */
function matches(doc, where) {
	return Object.entries(where).every(([field, condition]) => {
		if (field === '$or') return condition.some((/** @type {Record<string, any>} */ part) => matches(doc, part));
		if (field === '$and') return condition.every((/** @type {Record<string, any>} */ part) => matches(doc, part));
		return matchesCondition(fieldValue(doc, field), condition);
	});
}

module.exports = { matches };
