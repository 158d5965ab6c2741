// How print() shows a value: strings as they are at the top level, containers as JS
// literals with single-quoted strings (['a', 'b'], { title: 'A', n: 2 }), dates as the local
// time text Peewee prints for a naive datetime ('2024-01-01 00:00:00'), model instances by
// their toString().

export function formatLine(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? value : formatValue(value))).join(' ');
}

export function formatValue(value: unknown): string {
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (value === null || value === undefined || typeof value !== 'object') return String(value);
  if (value instanceof Date) return formatDate(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (value instanceof Uint8Array) return `Uint8Array(${value.length}) [${[...value].join(', ')}]`;
  if (isPlainObject(value)) {
    const entries = Object.entries(value).map(([key, item]) => `${formatKey(key)}: ${formatValue(item)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return String(value);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatDate(date: Date): string {
  const day = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  const ms = date.getMilliseconds();
  return `${day} ${time}${ms ? `.${pad(ms, 3)}000` : ''}`;
}

function formatKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : formatValue(key);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
