const db = await Database.open(':memory:', { pragmas: { foreign_keys: 1 } });

class BaseModel extends Model {
  static meta = { database: db };
}
