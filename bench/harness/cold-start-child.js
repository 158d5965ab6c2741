// One cold start, in a fresh process: node cold-start-child.js <peer module file>.
// Prints the first query's result; the parent times the process from spawn to that line.
const { default: peer } = await import(new URL(`../peers/${process.argv[2]}`, import.meta.url));
console.log(JSON.stringify({ first: await peer.coldStart() }));
