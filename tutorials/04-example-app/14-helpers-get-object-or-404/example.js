class NotFound extends Error {}

function abort(code) {
  throw new NotFound(code);
}

function getObjectOr404(model, ...conditions) {
  try {
    return model.get(...conditions);
  } catch (exc) {
    if (!(exc instanceof DoesNotExist)) throw exc;
    abort(404);
  }
}

print(getObjectOr404(User, User.username.eq('huey')).email);
try {
  getObjectOr404(User, User.username.eq('nobody'));
} catch (exc) {
  if (!(exc instanceof NotFound)) throw exc;
  print('abort', exc.message);
}
