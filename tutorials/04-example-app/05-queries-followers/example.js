const query = huey.followers();
print([...query].map((u) => u.username));
