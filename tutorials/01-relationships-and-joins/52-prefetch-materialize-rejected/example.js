try {
  prefetch(User.select(), Tweet.select(), { prefetchType: PREFETCH_TYPE.MATERIALIZE });
} catch (exc) {
  print(exc.message);
}
