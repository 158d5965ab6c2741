// A checksum every peer computes the same way from what it read: the row count and a sum of
// per-row numbers that touch every field the workload reads. Peers whose answers differ are
// reported, so a fast wrong answer cannot win.

export class Tally {
  count = 0;
  sum = 0;

  add(value) {
    this.count += 1;
    this.sum += value;
  }

  toString() {
    return `${this.count}/${this.sum}`;
  }
}

export function tableCounts(users, tweets, favorites) {
  return `users=${users} tweets=${tweets} favorites=${favorites}`;
}

// W6: per user, id * tweet count + the characters of its tweets' content.
export function usersWithTweetsChecksum(users, tweetsOf) {
  const tally = new Tally();
  for (const user of users) {
    const tweets = tweetsOf(user);
    let chars = 0;
    for (const tweet of tweets) chars += tweet.content.length;
    tally.add(user.id * tweets.length + chars);
  }
  return String(tally);
}
