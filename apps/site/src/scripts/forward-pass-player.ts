/** Step and Play for the forward-pass visual: lights the network up one layer at a time. */
const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches

interface LayerValues {
  name: string
  values: number[]
}

function startOne(figure: HTMLElement): void {
  const layers = JSON.parse(figure.querySelector('script[data-values]')?.textContent ?? '[]') as LayerValues[]
  const status = figure.querySelector<HTMLElement>('[data-status]')!
  const play = figure.querySelector<HTMLButtonElement>('[data-action="play"]')!
  let shown = 0
  let timer: number | undefined

  const render = () => {
    for (const el of figure.querySelectorAll<SVGElement>('[data-layer]'))
      el.classList.toggle('lit', Number(el.dataset.layer) <= shown)
    const layer = layers[shown]
    if (layer) status.textContent = `${layer.name}: ${layer.values.map((v) => v.toFixed(2)).join(', ')}`
  }
  const stop = () => {
    window.clearInterval(timer)
    timer = undefined
    play.textContent = 'Play'
  }
  const step = () => {
    if (shown >= layers.length - 1) shown = 0
    else shown += 1
    render()
  }
  figure.querySelector('[data-action="step"]')?.addEventListener('click', () => {
    stop()
    step()
  })
  figure.querySelector('[data-action="reset"]')?.addEventListener('click', () => {
    stop()
    shown = 0
    render()
  })
  play.addEventListener('click', () => {
    if (timer !== undefined) return stop()
    if (shown >= layers.length - 1) shown = 0
    render()
    play.textContent = 'Pause'
    timer = window.setInterval(
      () => {
        if (shown >= layers.length - 1) return stop()
        shown += 1
        render()
      },
      reducedMotion() ? 1200 : 700,
    )
  })
  render()
}

export function startForwardPasses(root: ParentNode = document): void {
  for (const figure of root.querySelectorAll<HTMLElement>('[data-forward-pass]')) startOne(figure)
}
