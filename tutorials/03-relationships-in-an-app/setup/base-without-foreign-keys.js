// SQLite's default: foreign keys are not enforced, so ON DELETE does nothing.
const db = await Database.open(':memory:');

class BaseModel extends Model {
  static meta = { database: db };
}
