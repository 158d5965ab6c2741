const query = huey.following();
print([...query].map((u) => u.username));
