import { TensorError } from '@gradschool/tensor'
import type { Optimizer } from './optimizer.js'

/**
 * Sets `optimizer.lr` from the number of `step()` calls (epochs) so far, as a closed-form
 * function of the learning rate the optimizer had when the scheduler was created.
 * Call `scheduler.step()` once per epoch, after `optimizer.step()`.
 */
export abstract class LRScheduler {
  readonly baseLr: number
  lastEpoch = 0

  constructor(readonly optimizer: Optimizer) {
    this.baseLr = optimizer.lr
  }

  protected abstract lrAt(epoch: number): number

  step(): void {
    this.lastEpoch++
    this.optimizer.lr = this.lrAt(this.lastEpoch)
  }

  /** The learning rate set by the last step (one value: there is a single parameter group). */
  getLastLr(): number {
    return this.optimizer.lr
  }
}

export interface StepLROptions {
  stepSize: number
  gamma?: number
}

/** lr = baseLr · gamma^⌊epoch / stepSize⌋. */
export class StepLR extends LRScheduler {
  readonly stepSize: number
  readonly gamma: number

  constructor(optimizer: Optimizer, options: StepLROptions) {
    super(optimizer)
    if (!Number.isInteger(options.stepSize) || options.stepSize <= 0) {
      throw new TensorError('StepLR', `stepSize must be a positive integer, got ${options.stepSize}`)
    }
    this.stepSize = options.stepSize
    this.gamma = options.gamma ?? 0.1
  }

  protected lrAt(epoch: number): number {
    return this.baseLr * this.gamma ** Math.floor(epoch / this.stepSize)
  }
}

export interface CosineAnnealingLROptions {
  tMax: number
  etaMin?: number
}

/** lr = etaMin + (baseLr − etaMin)·(1 + cos(π·epoch / tMax)) / 2 (SGDR without restarts). */
export class CosineAnnealingLR extends LRScheduler {
  readonly tMax: number
  readonly etaMin: number

  constructor(optimizer: Optimizer, options: CosineAnnealingLROptions) {
    super(optimizer)
    if (!(options.tMax > 0))
      throw new TensorError('CosineAnnealingLR', `tMax must be positive, got ${options.tMax}`)
    this.tMax = options.tMax
    this.etaMin = options.etaMin ?? 0
  }

  protected lrAt(epoch: number): number {
    return this.etaMin + ((this.baseLr - this.etaMin) * (1 + Math.cos((Math.PI * epoch) / this.tMax))) / 2
  }
}
