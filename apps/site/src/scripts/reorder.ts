/** A reorder list that works by drag, by arrow keys on a focused line, and by buttons. */
function move(list: HTMLElement, item: HTMLElement, delta: number): void {
  const items = Array.from(list.children)
  const index = items.indexOf(item)
  const target = index + delta
  if (target < 0 || target >= items.length) return
  if (delta < 0) list.insertBefore(item, items[target]!)
  else list.insertBefore(item, items[target]!.nextSibling)
  list.dispatchEvent(new CustomEvent('reorder'))
}

export function reorderedLines(list: HTMLElement): string[] {
  return Array.from(list.querySelectorAll<HTMLElement>('li'), (li) => li.dataset.line ?? '')
}

export function setOrder(list: HTMLElement, lines: readonly string[]): void {
  const items = Array.from(list.querySelectorAll<HTMLElement>('li'))
  const remaining = [...items]
  for (const line of lines) {
    const i = remaining.findIndex((li) => li.dataset.line === line)
    if (i >= 0) list.append(remaining.splice(i, 1)[0]!)
  }
  for (const li of remaining) list.append(li)
}

export function startReorder(list: HTMLElement): void {
  let dragged: HTMLElement | undefined
  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-move]')
    const item = button?.closest('li')
    if (!button || !item) return
    move(list, item, Number(button.dataset.move))
    button.focus()
  })
  list.addEventListener('keydown', (event) => {
    const item = event.target as HTMLElement
    if (item.tagName !== 'LI') return
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return
    event.preventDefault()
    move(list, item, event.key === 'ArrowUp' ? -1 : 1)
    item.focus()
  })
  list.addEventListener('dragstart', (event) => {
    dragged = (event.target as Element).closest('li') ?? undefined
    dragged?.classList.add('dragging')
    event.dataTransfer?.setData('text/plain', dragged?.dataset.line ?? '')
  })
  list.addEventListener('dragover', (event) => {
    event.preventDefault()
    const over = (event.target as Element).closest('li')
    if (!dragged || !over || over === dragged) return
    const box = over.getBoundingClientRect()
    const after = event.clientY > box.top + box.height / 2
    list.insertBefore(dragged, after ? over.nextSibling : over)
  })
  list.addEventListener('dragend', () => {
    dragged?.classList.remove('dragging')
    dragged = undefined
    list.dispatchEvent(new CustomEvent('reorder'))
  })
}
