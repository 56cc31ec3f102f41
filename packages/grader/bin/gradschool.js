#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, which also lets it import challenge spec.ts files.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/bin.ts')
