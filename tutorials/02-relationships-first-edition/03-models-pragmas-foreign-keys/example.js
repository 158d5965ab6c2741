// Ensure foreign-key constraints are enforced.
// (The seed opens 'my_app.db'; lessons use a fresh in-memory database.)
const db = await Database.open(':memory:', { pragmas: { foreign_keys: 1 } });
print(db.pragma('foreign_keys'));
db.close();
