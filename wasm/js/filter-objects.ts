// where() takes expressions. Peewee's keyword filters (where(user__in=q) in its 2011 API,
// filter(user__in=q) now) arrive in JS as an object; binding it as a value would fail with a
// message about parameters, so where() refuses it and names what to write instead.
import type { Operand } from './expressions.js';
import { isModelClass, metaOf, type ModelClass } from './model.js';

/** The Expr method each Peewee filter operator stands for (`user__in` -> user.in(...)). */
const methodByOperator: Readonly<Record<string, string>> = {
  eq: 'eq', ne: 'ne', lt: 'lt', lte: 'le', gt: 'gt', gte: 'ge', in: 'in', is: 'isNull',
  like: 'like', ilike: 'ilike', regexp: 'regexp',
};

const isFilterObject = (condition: unknown): condition is Record<string, unknown> =>
  typeof condition === 'object' && condition !== null &&
  [Object.prototype, null].includes(Object.getPrototypeOf(condition));

/**
 * Throws a TypeError when a condition is an object of filters; `models` are the query's
 * model and the models it joins, searched in order for the field the filter names.
 */
export function rejectFilterObjects(conditions: readonly Operand[], models: readonly unknown[]): void {
  const filters = conditions.find(isFilterObject);
  if (!filters) return;
  const key = Object.keys(filters)[0] ?? 'field';
  const [fieldName = key, operator = 'eq'] = key.split('__');
  const classes = models.filter((model): model is ModelClass => isModelClass(model));
  const owner = classes.find((model) => metaOf(model).fieldsByName.has(fieldName)) ?? classes[0];
  const expression = `${owner ? `${metaOf(owner).name}.` : ''}${fieldName}.${methodByOperator[operator] ?? operator}(...)`;
  throw new TypeError(
    `where() takes expressions, not an object of filters: use filter({ ${key}: ... }) or ${expression}`,
  );
}
