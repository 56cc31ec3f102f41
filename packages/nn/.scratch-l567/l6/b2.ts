// Forward pass: compute and remember every intermediate value.
const a = 2
const b = -3
const c = 10
const d = a * b // -6
const e = d + c // 4
const f = e * e // 16

// Backward pass: start from df/df = 1 and walk the graph in reverse.
const df_de = 2 * e // square node: local derivative 2e
const df_dd = df_de * 1 // add node: passes the gradient through
const df_dc = df_de * 1
const df_da = df_dd * b // multiply node: the other input
const df_db = df_dd * a

console.log(`f = ${f}`)
console.log(`df/da = ${df_da}, df/db = ${df_db}, df/dc = ${df_dc}`)
