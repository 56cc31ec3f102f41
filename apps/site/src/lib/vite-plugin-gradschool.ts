/**
 * Vite plugin for the course: serves the challenges and the sandbox library bundle to the
 * browser grader as virtual modules, and in dev reloads the page whenever exercises/ changes.
 */
import { loadCourse } from '@gradschool/course/node'
// The grader builds the IIFE bundle of tensor + nn that its sandbox evaluates.
import { sandboxLibraries } from '@gradschool/grader/node'
import type { Plugin, ViteDevServer } from 'vite'

const CHALLENGES = 'virtual:gradschool/challenges'
const LIBRARIES = 'virtual:gradschool/sandbox-libraries'
const resolved = (id: string) => `\0${id}`

async function challengesModule(exercisesDir: string): Promise<string> {
  const { course } = await loadCourse(exercisesDir)
  const challenges = Object.fromEntries(
    course.lessons.flatMap((lesson) => lesson.challenges.map((c) => [c.id, c])),
  )
  return `export const xpRules = ${JSON.stringify(course.meta.xp)}\nexport default ${JSON.stringify(challenges)}\n`
}

export function gradschoolCourse(exercisesDir: string): Plugin {
  let server: ViteDevServer | undefined
  return {
    name: 'gradschool:course',
    resolveId(id) {
      if (id === CHALLENGES || id === LIBRARIES) return resolved(id)
      return undefined
    },
    async load(id) {
      if (id === resolved(CHALLENGES)) return challengesModule(exercisesDir)
      if (id === resolved(LIBRARIES)) return `export default ${JSON.stringify(await sandboxLibraries())}\n`
      return undefined
    },
    configureServer(devServer) {
      server = devServer
      devServer.watcher.add(exercisesDir)
      const reload = (file: string) => {
        if (!file.startsWith(exercisesDir)) return
        const virtual = server?.moduleGraph.getModuleById(resolved(CHALLENGES))
        if (virtual) server?.moduleGraph.invalidateModule(virtual)
        server?.ws.send({ type: 'full-reload', path: '*' })
      }
      devServer.watcher.on('change', reload)
      devServer.watcher.on('add', reload)
      devServer.watcher.on('unlink', reload)
    },
  }
}
