// The native comparison: builds bench/native (the C++ core vs the raw SQLite C API) and runs
// it. A full run builds in build/bench (Release); --smoke adds the target to the native test
// build (build/native), where the core is already compiled.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export function runNativeBench({ root, smoke, log }) {
  const build = resolve(root, smoke ? 'build/native' : 'build/bench');
  const configure = smoke ? [] : ['-DCMAKE_BUILD_TYPE=Release', '-DPEEWASM_BUILD_TESTS=OFF'];
  log(`building the native bench in ${build}`);
  const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  run('bash', ['scripts/fetch-sqlite.sh']);
  run('cmake', ['-S', root, '-B', build, ...configure, '-DPEEWASM_BUILD_BENCH=ON']);
  run('cmake', ['--build', build, '--target', 'peewasm_native_bench', '-j', '2']);
  log('running the native bench');
  const native = JSON.parse(run(resolve(build, 'bench/native/peewasm_native_bench'), smoke ? ['--smoke'] : []));
  native.build = smoke ? 'smoke data, the test build' : 'Release';
  return native;
}
