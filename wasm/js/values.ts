// Values between JS and the bindings: what a parameter may be, and the JS types of the values
// the core hands back (Peewee's Python types, translated).
import { DataError } from './errors.js';
import type { NativeValue } from './native.js';

/**
 * A value as results return it: null, number, string, Uint8Array (a copy), boolean
 * (BooleanField), or a bigint for an INTEGER beyond Number.MAX_SAFE_INTEGER (lossless;
 * smaller integers are numbers). DateTimeField and TimestampField values are Dates.
 */
export type SqlValue = null | number | bigint | string | boolean | Uint8Array;

/**
 * A bindable parameter: a SqlValue, undefined (NULL), any ArrayBuffer(View) (BLOB), or a
 * Date (sent as local time text, 'YYYY-MM-DD HH:MM:SS[.ffffff]', as Peewee stores datetimes).
 */
export type SqlParam = SqlValue | undefined | ArrayBuffer | ArrayBufferView | Date;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Python's str(datetime) of a local time: '2024-01-01 00:00:00', with .ffffff when set. */
export function formatDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new DataError('cannot store an invalid Date');
  const text =
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  const ms = date.getMilliseconds();
  return ms === 0 ? text : `${text}.${pad(ms, 3)}000`;
}

const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;

const digitsAt = (text: string, at: number, count: number): number => {
  let number = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
};

/** 'YYYY-MM-DD HH:MM:SS' (what Peewee stores without fraction) read without the regex, or null. */
function parsePlainDateTime(text: string): Date | null {
  if (text.length !== 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 32) return null;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if ((year | month | day | hour | minute | second) < 0) return null;
  const hourStart = localHourStart(year, month, day, hour);
  if (hourStart === null) return new Date(year, month - 1, day, hour, minute, second, 0);
  return new Date(hourStart + minute * 60_000 + second * 1000);
}

// Rows loaded together mostly share their hour, and building a Date from local fields costs
// a time zone lookup each time: the last hour's start is kept, and its minutes and seconds
// added. Only for an hour that is 3,600 s long: one a clock change cuts is built field by field.
let memoHour = -1;
let memoStart: number | null = null;

function localHourStart(year: number, month: number, day: number, hour: number): number | null {
  const key = ((year * 100 + month) * 100 + day) * 100 + hour;
  if (key !== memoHour) {
    const start = new Date(year, month - 1, day, hour).getTime();
    const next = new Date(year, month - 1, day, hour + 1).getTime();
    memoHour = key;
    memoStart = next - start === 3_600_000 ? start : null;
  }
  return memoStart;
}

/** A stored datetime text as a local Date; text in another format stays text. */
export function parseDateTime(value: SqlValue): SqlValue | Date {
  if (typeof value !== 'string') return value;
  const plain = parsePlainDateTime(value);
  if (plain) return plain;
  const match = dateTimePattern.exec(value);
  if (!match) return value;
  const [, y, mo, d, h, mi, s, fraction] = match;
  const ms = fraction ? Math.floor(Number(fraction.padEnd(6, '0')) / 1000) : 0;
  return new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
}

function describe(value: object): string {
  return value.constructor?.name ?? 'Object';
}

/** One parameter as the bindings take it (primitives and Uint8Arrays only). */
export function toNativeValue(value: unknown, what: string): NativeValue {
  switch (typeof value) {
    case 'undefined':
      return null;
    case 'number':
    case 'string':
    case 'boolean':
    case 'bigint':
      return value;
    case 'object':
      if (value === null || value instanceof Uint8Array) return value;
      if (value instanceof Date) return formatDateTime(value);
      if (value instanceof ArrayBuffer) return new Uint8Array(value);
      if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      throw new DataError(
        `${what}: cannot bind a value of type ${describe(value)}; ` +
          'use null, a number, a bigint, a string, a boolean, a Date or a Uint8Array',
      );
    default:
      throw new DataError(
        `${what}: cannot bind a value of type ${typeof value}; ` +
          'use null, a number, a bigint, a string, a boolean, a Date or a Uint8Array',
      );
  }
}
