export { type IdxArray, type IdxData, IdxFormatError, type IdxType, parseIdx } from './idx.js'
export {
  adjacencyMatrix,
  degrees,
  KARATE_EDGES,
  KARATE_NODES,
  type KarateClub,
  karateClub,
} from './karate.js'
export { type Mnist, type MnistOptions, mnistFromIdx } from './mnist.js'
export { type SineForecastOptions, sineForecast } from './sine.js'
export {
  circles,
  gaussians,
  moons,
  spirals,
  type ToyClassOptions,
  type ToyData,
  type ToyOptions,
  xor,
} from './toy-2d.js'
