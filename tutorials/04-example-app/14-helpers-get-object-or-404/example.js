class NotFound extends Error {}

function abort(code) {
  throw new NotFound(code);
}

function getObjectOr404(model, filters) {
  try {
    return model.get(filters);
  } catch (exc) {
    if (!(exc instanceof DoesNotExist)) throw exc;
    abort(404);
  }
}

print(getObjectOr404(User, { username: 'huey' }).email);
try {
  getObjectOr404(User, { username: 'nobody' });
} catch (exc) {
  if (!(exc instanceof NotFound)) throw exc;
  print('abort', exc.message);
}
