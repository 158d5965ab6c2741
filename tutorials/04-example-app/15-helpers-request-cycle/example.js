const g = {};

function beforeRequest() {
  g.db = database;
  // The database opened in Database.open() and is still open: reuse it.
  g.db.connect({ reuseIfOpen: true });
}

function afterRequest(response) {
  g.db.close();
  return response;
}

beforeRequest();
print(User.select().count());
print(afterRequest('response'), database.isClosed());
