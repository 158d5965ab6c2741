const user = alice;
for (const a of user.articles) print(a.title); // query 1
for (const a of user.articles) print(a.id); // query 2: same results

const articles = [...user.articles];
for (const a of articles) print(a.title);
for (const a of articles) print(a.id);
