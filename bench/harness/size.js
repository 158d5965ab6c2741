// Shipped size: the JS and wasm files a browser app loads, raw and gzipped (level 9).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export function shippedSize(files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.length, raw, gzip, rawKiB: raw / 1024, gzipKiB: gzip / 1024 };
}
