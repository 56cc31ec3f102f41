import { type Tensor, TensorError } from '@gradschool/tensor'
import { Module } from './module.js'

/** A module that maps one tensor to one tensor: what Sequential can chain. */
export type TensorModule = Module & { forward(x: Tensor): Tensor }

/** Runs its layers in order; they are its children named `0`, `1`, … like PyTorch's. */
export class Sequential extends Module {
  constructor(...layers: TensorModule[]) {
    super()
    layers.forEach((layer, i) => {
      this.register(String(i), layer)
    })
  }

  get length(): number {
    return this.children().length
  }

  /** The i-th layer (negative counts from the end). */
  at(index: number): TensorModule {
    const layers = this.children() as TensorModule[]
    const layer = layers.at(index)
    if (layer === undefined)
      throw new TensorError('Sequential.at', `index ${index} is out of range for ${layers.length} layers`)
    return layer
  }

  append(layer: TensorModule): this {
    this.register(String(this.length), layer)
    return this
  }

  forward(x: Tensor): Tensor {
    for (const layer of this.children() as TensorModule[]) x = layer.forward(x)
    return x
  }
}
