// The lessons, as the build read them from tutorials/, and lookups by URL path.
import tutorials from 'virtual:tutorials';
import type { Chapter, Lesson } from 'virtual:tutorials';

export type { Chapter, Lesson };
export { tutorials };

export interface LessonRef {
  chapter: Chapter;
  lesson: Lesson;
}

/** The lesson a location hash (`#/chapter/lesson`) names, or the first lesson. */
export function lessonFromHash(hash: string): LessonRef {
  const [chapterSlug, lessonSlug] = hash.replace(/^#\/?/, '').split('/');
  const chapter = tutorials.chapters.find((c) => c.slug === chapterSlug) ?? tutorials.chapters[0]!;
  const lesson = chapter.lessons.find((l) => l.slug === lessonSlug) ?? chapter.lessons[0]!;
  return { chapter, lesson };
}

export const hashOf = ({ chapter, lesson }: LessonRef): string => `#/${chapter.slug}/${lesson.slug}`;

/** The setup code a lesson runs after, in order. */
export const setupCode = ({ chapter, lesson }: LessonRef): string[] =>
  lesson.expected.setup.map((name) => chapter.setups[name]!);

/** The lessons before and after this one, across chapters, in reading order. */
export function neighbours(ref: LessonRef): { previous?: LessonRef; next?: LessonRef } {
  const all = tutorials.chapters.flatMap((chapter) => chapter.lessons.map((lesson) => ({ chapter, lesson })));
  const index = all.findIndex((item) => item.lesson === ref.lesson);
  return { previous: all[index - 1], next: all[index + 1] };
}
