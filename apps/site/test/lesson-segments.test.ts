import type { Lesson } from '@gradschool/course'
import { describe, expect, it } from 'vitest'
import { segmentLesson } from '../src/lib/lesson-segments.js'

function lessonWith(body: string, extra: Partial<Lesson> = {}): Lesson {
  return {
    slug: 'l',
    number: 1,
    dir: '01-l',
    title: 'L',
    level: 'Undergrad',
    minutes: 5,
    objectives: [],
    body,
    codeBlocks: [],
    visuals: [],
    quiz: [],
    challenges: [],
    ...extra,
  }
}

describe('segmentLesson', () => {
  it('puts runnable blocks and visuals at their places in the prose, in order', () => {
    const body = [
      'Intro *text*.',
      '',
      '<!-- visual: forward-pass {"layers":[2,1]} -->',
      '',
      '```ts run',
      'console.log(1)',
      '```',
      '',
      '```output',
      '1',
      '```',
      '',
      'Static:',
      '',
      '```ts',
      'const a = 1',
      '```',
      '',
      'End.',
    ].join('\n')
    const segments = segmentLesson(lessonWith(body))
    expect(segments.map((s) => s.type)).toEqual(['prose', 'visual', 'code', 'prose'])
    expect(segments[0]).toEqual({ type: 'prose', html: '<p>Intro <em>text</em>.</p>\n' })
    expect(segments[1]).toMatchObject({
      type: 'visual',
      visual: { kind: 'forward-pass', options: { layers: [2, 1] } },
    })
    expect(segments[2]).toMatchObject({
      type: 'code',
      block: { code: 'console.log(1)', expectedOutput: '1', runnable: true },
    })
    const last = segments[3]
    expect(last?.type === 'prose' && last.html).toContain('<code class="language-ts">const a = 1')
    expect(last?.type === 'prose' && last.html).toContain('<p>End.</p>')
  })

  it("uses the loader's parsed blocks and visuals when it has them", () => {
    const block = { line: 3, lang: 'ts', code: 'loader code', runnable: true }
    const visual = { kind: 'neuron', options: { inputs: 3 }, line: 1 }
    const segments = segmentLesson(
      lessonWith('<!-- visual: neuron {"inputs":3} -->\n\n```ts run\nraw\n```\n', {
        codeBlocks: [block],
        visuals: [visual],
      }),
    )
    expect(segments).toEqual([
      { type: 'visual', visual },
      { type: 'code', block },
    ])
  })
})
