// The shape web/tools/read-tutorials.mjs gives the playground as `virtual:tutorials`.
declare module 'virtual:tutorials' {
  export interface ExpectedStatement {
    sql: string;
    params: unknown[];
  }

  export interface Lesson {
    slug: string;
    title: string;
    seed: string;
    prose: string;
    code: string;
    expectedLines: string[];
    expected: {
      case: string;
      setup: string[];
      queryCount: number;
      outputOrder: 'exact' | 'any';
      statements: ExpectedStatement[];
    };
  }

  export interface Chapter {
    slug: string;
    title: string;
    intro: string;
    setups: Record<string, string>;
    lessons: Lesson[];
  }

  const tutorials: { title: string; intro: string; chapters: Chapter[] };
  export default tutorials;
}
