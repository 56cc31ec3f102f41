import { type DType, type Tensor, TensorError } from '@gradschool/tensor'
import { Buffer, Parameter } from './parameter.js'
import { loadState, type StateDict, saveState } from './state.js'
import { type SummaryOptions, summarize } from './summary.js'

type Fields = Record<string, unknown>

/**
 * Base class of every layer and model, with PyTorch's semantics.
 *
 * Registration is by discovery, not by interception: a module's parameters, buffers and
 * sub-modules are whatever its own enumerable fields hold — a `Parameter`, a `Buffer`, a
 * `Module`, or an array of those — in the order the fields were assigned. TypeScript class
 * fields are *defined* on the instance (not assigned through a setter), so a setter or
 * `__setattr__`-style hook in the base class would silently miss them; walking the fields
 * needs no Proxy, sees exactly what the object holds, and can never get out of sync with it.
 *
 * Subclasses implement `forward(...)`, and callers call `model.forward(x)`: JS objects are
 * not callable, and one name for one thing is easier to follow than an alias.
 */
export abstract class Module {
  /** Train mode (the default) or eval mode; changes Dropout and BatchNorm. */
  training = true

  abstract forward(...inputs: never[]): unknown

  /** Sets a parameter, buffer or sub-module under a computed name (e.g. `weightIhL1`). */
  protected register(name: string, value: Parameter | Buffer | Module): void {
    ;(this as unknown as Fields)[name] = value
  }

  /** Reads a parameter registered under a computed name. */
  protected parameterNamed(name: string): Parameter {
    const value = (this as unknown as Fields)[name]
    if (!(value instanceof Parameter))
      throw new TensorError(this.constructor.name, `has no parameter named ${name}`)
    return value
  }

  /** Own fields that are part of the module tree, expanded through arrays, in field order. */
  private ownEntries(): [string, unknown][] {
    const out: [string, unknown][] = []
    for (const [key, value] of Object.entries(this)) {
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          if (isTreeValue(item)) out.push([`${key}.${i}`, item])
        })
      } else if (isTreeValue(value)) out.push([key, value])
    }
    return out
  }

  namedChildren(): [string, Module][] {
    return this.ownEntries().filter((e): e is [string, Module] => e[1] instanceof Module)
  }

  children(): Module[] {
    return this.namedChildren().map((e) => e[1])
  }

  /** This module and every module below it, depth first, each once (dotted names; '' for this one). */
  namedModules(prefix = ''): [string, Module][] {
    const out: [string, Module][] = []
    const seen = new Set<Module>()
    const visit = (module: Module, name: string): void => {
      if (seen.has(module)) return
      seen.add(module)
      out.push([name, module])
      for (const [child, m] of module.namedChildren()) visit(m, name === '' ? child : `${name}.${child}`)
    }
    visit(this, prefix)
    return out
  }

  modules(): Module[] {
    return this.namedModules().map((e) => e[1])
  }

  /** Parameters with dotted names (`0.weight`, `layers.1.bias`); shared ones are listed once. */
  namedParameters(recurse = true): [string, Parameter][] {
    return this.namedTensors(Parameter, recurse)
  }

  parameters(recurse = true): Parameter[] {
    return this.namedParameters(recurse).map((e) => e[1])
  }

  namedBuffers(recurse = true): [string, Buffer][] {
    return this.namedTensors(Buffer, recurse)
  }

  buffers(recurse = true): Buffer[] {
    return this.namedBuffers(recurse).map((e) => e[1])
  }

  private namedTensors<T extends Tensor>(kind: new (t: Tensor) => T, recurse: boolean): [string, T][] {
    const out: [string, T][] = []
    const seen = new Set<Tensor>()
    const sources: [string, Module][] = recurse ? this.namedModules() : [['', this]]
    for (const [prefix, module] of sources) {
      for (const [name, value] of module.ownEntries()) {
        if (!(value instanceof kind) || seen.has(value)) continue
        seen.add(value)
        out.push([prefix === '' ? name : `${prefix}.${name}`, value])
      }
    }
    return out
  }

  /** Total number of learnable values. */
  numParameters(): number {
    return this.parameters().reduce((n, p) => n + p.numel(), 0)
  }

  train(mode = true): this {
    for (const m of this.modules()) m.training = mode
    return this
  }

  eval(): this {
    return this.train(false)
  }

  /** Forgets every parameter's gradient (sets `.grad` to null, PyTorch's default). */
  zeroGrad(): void {
    for (const p of this.parameters()) p.grad = null
  }

  /**
   * Converts floating parameters and buffers to `dtype`, in place (the module is returned for
   * chaining). Parameters become new tensors: build optimizers after converting.
   */
  to(dtype: DType): this {
    if (dtype === 'int32')
      throw new TensorError('Module.to', 'parameters must stay floating point; use float32 or float64')
    const convert = (value: unknown): unknown => {
      if (
        !(value instanceof Parameter || value instanceof Buffer) ||
        value.dtype === 'int32' ||
        value.dtype === dtype
      )
        return value
      const converted = value.to(dtype).detach()
      return value instanceof Parameter ? new Parameter(converted) : new Buffer(converted)
    }
    for (const m of this.modules()) {
      const fields = m as unknown as Fields
      for (const [key, value] of Object.entries(fields)) {
        if (Array.isArray(value)) {
          value.forEach((item, i) => {
            value[i] = convert(item)
          })
        } else if (isTreeValue(value)) fields[key] = convert(value)
      }
    }
    return this
  }

  double(): this {
    return this.to('float64')
  }

  float(): this {
    return this.to('float32')
  }

  /** Parameters and buffers as plain JSON-ready data: `{ name: { shape, dtype, data } }`. */
  stateDict(): StateDict {
    return saveState([...this.namedParameters(), ...this.namedBuffers()])
  }

  /**
   * Copies saved values into this module's parameters and buffers. Every key must match
   * (same names, same shapes); otherwise nothing is changed and the error lists what differs.
   */
  loadStateDict(state: StateDict): void {
    loadState(this.constructor.name, [...this.namedParameters(), ...this.namedBuffers()], state)
  }

  /**
   * Runs one forward pass on zeros of `inputShape` (several shapes for several inputs) and
   * returns a table of every module called: name, output shape and own parameter count.
   */
  summary(
    inputShape: readonly number[] | readonly (readonly number[])[],
    options: SummaryOptions = {},
  ): string {
    return summarize(this, inputShape, options)
  }
}

function isTreeValue(value: unknown): boolean {
  return value instanceof Module || value instanceof Parameter || value instanceof Buffer
}
