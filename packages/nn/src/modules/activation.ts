import type { Tensor } from '@gradschool/tensor'
import { Module } from './module.js'

export class ReLU extends Module {
  forward(x: Tensor): Tensor {
    return x.relu()
  }
}

export class LeakyReLU extends Module {
  constructor(readonly negativeSlope = 0.01) {
    super()
  }

  forward(x: Tensor): Tensor {
    return x.leakyRelu(this.negativeSlope)
  }
}

export class Sigmoid extends Module {
  forward(x: Tensor): Tensor {
    return x.sigmoid()
  }
}

export class Tanh extends Module {
  forward(x: Tensor): Tensor {
    return x.tanh()
  }
}

/** GELU: x·Φ(x) exactly, or its tanh approximation with `approximate: 'tanh'`. */
export class GELU extends Module {
  constructor(readonly approximate: 'none' | 'tanh' = 'none') {
    super()
  }

  forward(x: Tensor): Tensor {
    return x.gelu(this.approximate)
  }
}

export class Softmax extends Module {
  constructor(readonly dim = -1) {
    super()
  }

  forward(x: Tensor): Tensor {
    return x.softmax(this.dim)
  }
}

export class LogSoftmax extends Module {
  constructor(readonly dim = -1) {
    super()
  }

  forward(x: Tensor): Tensor {
    return x.logSoftmax(this.dim)
  }
}
