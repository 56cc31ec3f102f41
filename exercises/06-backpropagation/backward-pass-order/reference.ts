export function tanhNeuronBackward(x: number, w: number, b: number, y: number): number[] {
  // reorder:start
  const z = w * x + b
  const a = Math.tanh(z)
  const dLossDa = 2 * (a - y)
  const dLossDz = dLossDa * (1 - a * a)
  const dLossDw = dLossDz * x
  return [dLossDw, dLossDz]
  // reorder:end
}
