// The peers, in the order the report shows them. Each module's default export is
//   { name, kind: 'self'|'wasm'|'native'|'python', version, absentBecause?, shipped?,
//     coldStart() | coldStartCommand, open(data) -> session with W1..W7 and close() }.
export const PEER_FILES = ['peewasm.js', 'sqlite-wasm.js', 'sqljs.js', 'drizzle.js', 'better-sqlite3.js', 'peewee.js'];

export async function loadPeers() {
  const peers = [];
  for (const file of PEER_FILES) {
    const { default: peer } = await import(`./${file}`);
    peers.push({ ...peer, file });
  }
  return peers;
}
