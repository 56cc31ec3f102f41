/**
 * A one-line training progress bar: `epoch 2/5 [█████░░░░░]  312/938  loss 0.1234  18,200 samples/s`.
 *
 * It only draws on an interactive terminal: when the stream is not a TTY (piped, redirected, in
 * CI) or `quiet` is set it writes nothing at all, so it can never corrupt machine-readable
 * output. It takes any `{ isTTY, columns, write }` stream (process.stdout in Node) and so has no
 * Node dependency itself.
 */
export interface ProgressStream {
  isTTY?: boolean
  columns?: number
  write(text: string): unknown
}

export interface ProgressBarOptions {
  /** Number of batches per epoch. */
  total: number
  /** Where to draw; nothing is drawn without one. */
  stream?: ProgressStream
  /** Total number of epochs, shown as `epoch e/E`. */
  epochs?: number
  quiet?: boolean
  /** Minimum milliseconds between redraws (default 100). */
  interval?: number
  /** Clock in milliseconds (injectable for tests). */
  now?: () => number
}

export interface ProgressState {
  epoch: number
  epochs?: number
  batch: number
  total: number
  loss?: number
  samplesPerSecond?: number
}

export class ProgressBar {
  readonly enabled: boolean
  private readonly options: ProgressBarOptions
  private readonly now: () => number
  private epoch = 1
  private epochStart = 0
  private samples = 0
  private lastDraw = Number.NEGATIVE_INFINITY
  private drawn = false

  constructor(options: ProgressBarOptions) {
    this.options = options
    this.now = options.now ?? Date.now
    this.enabled = !options.quiet && options.stream?.isTTY === true
  }

  /** Starts counting a new epoch (1-based). */
  startEpoch(epoch: number): void {
    this.epoch = epoch
    this.epochStart = this.now()
    this.samples = 0
    this.lastDraw = Number.NEGATIVE_INFINITY
  }

  /** Records that batch `batch` (1-based) of `batchSize` samples finished with `loss`. */
  update(batch: number, batchSize: number, loss?: number): void {
    this.samples += batchSize
    if (!this.enabled) return
    const time = this.now()
    const last = batch >= this.options.total
    if (!last && time - this.lastDraw < (this.options.interval ?? 100)) return
    this.lastDraw = time
    const seconds = (time - this.epochStart) / 1000
    const line = formatProgress(
      {
        epoch: this.epoch,
        batch,
        total: this.options.total,
        ...(this.options.epochs === undefined ? {} : { epochs: this.options.epochs }),
        ...(loss === undefined ? {} : { loss }),
        ...(seconds > 0 ? { samplesPerSecond: this.samples / seconds } : {}),
      },
      this.options.stream?.columns || 80,
    )
    this.options.stream!.write(`\r\x1b[2K${line}`)
    this.drawn = true
  }

  /** Erases the bar so the next line of output starts clean. */
  clear(): void {
    if (this.enabled && this.drawn) this.options.stream!.write('\r\x1b[2K')
    this.drawn = false
  }
}

/** The text of one progress line, cut to `columns` characters. */
export function formatProgress(state: ProgressState, columns = 80): string {
  const epoch = state.epochs === undefined ? `epoch ${state.epoch}` : `epoch ${state.epoch}/${state.epochs}`
  const counter = `${String(state.batch).padStart(String(state.total).length)}/${state.total}`
  const loss = state.loss === undefined ? '' : `  loss ${state.loss.toFixed(4)}`
  const speed =
    state.samplesPerSecond === undefined
      ? ''
      : `  ${Math.round(state.samplesPerSecond).toLocaleString('en-US')} samples/s`
  const prefix = `${epoch} [`
  const suffix = `]  ${counter}${loss}${speed}`
  const width = Math.max(0, Math.min(30, columns - 1 - prefix.length - suffix.length))
  const filled =
    state.total === 0 ? width : Math.round((width * Math.min(state.batch, state.total)) / state.total)
  const line = `${prefix}${'█'.repeat(filled)}${'░'.repeat(width - filled)}${suffix}`
  return line.slice(0, Math.max(0, columns - 1))
}
