/** The `gradschool` command line. Exit codes: 0 all passed, 1 something did not pass, 2 usage or configuration error. */
import { Command, CommanderError } from 'commander'
import {
  checkCommand,
  listCommand,
  newChallengeCommand,
  newLessonCommand,
  startCommand,
  variantCommand,
} from './commands.js'
import { type GradeCommandOptions, gradeCommand } from './grade-command.js'
import { UsageError } from './usage-error.js'

export async function main(argv: string[]): Promise<number> {
  let code = 0
  const run =
    (action: (...args: never[]) => Promise<number>) =>
    async (...args: unknown[]) => {
      code = await (action as (...a: unknown[]) => Promise<number>)(...args)
    }
  const program = new Command('gradschool')
    .description('Learn neural networks by building them: start challenges, grade your work, earn XP.')
    .option('--root <dir>', 'the course repository (default: the current directory)')
    .option('--exercises <dir>', 'the exercises folder, relative to the root', 'exercises')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })

  const withGlobals = <T extends object>(options: T) => ({ ...program.opts(), ...options })

  program
    .command('list')
    .description('lessons and challenges with your status and XP')
    .action(run((options: object) => listCommand(withGlobals(options))))

  program
    .command('start <challenge-id>')
    .description('write your starter file into work/<lesson>/ (never overwrites your work)')
    .option('--student <id>', 'your student id (variants differ per student)')
    .action(run((id: string, options: object) => startCommand(id, withGlobals(options))))

  program
    .command('grade')
    .description('grade your work')
    .option('--all', 'grade every work file')
    .option('--challenge <id>', 'grade one challenge')
    .option('--file <path>', 'with --challenge: grade this file instead of work/<lesson>/<challenge>.ts')
    .option('--bundle <file>', 'grade a bundle exported by the course site')
    .option('--student <id>', 'student id (default: the one saved by `start`, else anonymous)')
    .option('--reporter <names>', 'pretty, json, junit, github (comma-separated)', 'pretty')
    .option('--junit-file <file>', 'where the junit reporter writes', 'gradschool-junit.xml')
    .option('--seed <n>', 'fast-check seed (replays a verdict)')
    .option('--path <path>', 'fast-check path (replays one counterexample)')
    .action(run((options: GradeCommandOptions) => gradeCommand(withGlobals(options))))

  program
    .command('check')
    .description(
      'instructors/CI: validate the whole course (references pass, starters fail, lesson outputs match)',
    )
    .action(run((options: object) => checkCommand(withGlobals(options))))

  program
    .command('variant <challenge-id>')
    .description("print a student's variant of a challenge")
    .option('--student <id>', 'student id')
    .action(run((id: string, options: object) => variantCommand(id, withGlobals(options))))

  const create = program.command('new').description('scaffold course content (never overwrites)')
  create
    .command('lesson <title>')
    .option('--level <name>', 'level name from course.yaml')
    .action(run((title: string, options: object) => newLessonCommand(title, withGlobals(options))))
  create
    .command('challenge')
    .requiredOption('--lesson <slug>', 'lesson slug, e.g. the-neuron')
    .requiredOption('--kind <kind>', 'implement, fix-bug, fill-in, reorder or predict-output')
    .option('--slug <slug>', 'the challenge folder name')
    .action(run((options: { lesson: string; kind: string }) => newChallengeCommand(withGlobals(options))))

  try {
    await program.parseAsync(argv, { from: 'user' })
    return code
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2
    }
    if (error instanceof UsageError) {
      process.stderr.write(`gradschool: ${error.message}\n`)
      return 2
    }
    throw error
  }
}
