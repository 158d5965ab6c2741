const g = {};

function beforeRequest() {
  g.db = database;
  g.db.connect();
}

function afterRequest(response) {
  g.db.close();
  return response;
}

database.close(); // the previous request's connection
beforeRequest();
print(User.select().count());
print(afterRequest('response'), database.isClosed());
