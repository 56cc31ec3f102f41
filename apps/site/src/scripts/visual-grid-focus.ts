/**
 * Keyboard and pointer access to the cells of a visual's grid (feature maps, attention maps):
 * one Tab stop for the whole grid, arrow keys, Home and End to move, and the same callback for
 * hovering and focusing a cell. Cells carry data-row and data-column.
 */
export function startGridFocus(
  grid: Element,
  onSelect: (cell: SVGElement | HTMLElement | null) => void,
): void {
  const cells = Array.from(grid.querySelectorAll<SVGElement | HTMLElement>('[data-row][data-column]'))
  const at = (row: number, column: number) =>
    cells.find((c) => Number(c.dataset.row) === row && Number(c.dataset.column) === column)
  cells.forEach((cell, i) => {
    cell.setAttribute('tabindex', i === 0 ? '0' : '-1')
    cell.addEventListener('focus', () => {
      for (const other of cells) other.setAttribute('tabindex', other === cell ? '0' : '-1')
      onSelect(cell)
    })
    cell.addEventListener('pointerenter', () => onSelect(cell))
  })
  grid.addEventListener('pointerleave', () => {
    if (!grid.contains(document.activeElement)) onSelect(null)
  })
  grid.addEventListener('focusout', (event) => {
    if (!grid.contains((event as FocusEvent).relatedTarget as Node | null)) onSelect(null)
  })
  grid.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key
    const current = document.activeElement as SVGElement | HTMLElement | null
    if (!current?.dataset.row) return
    const row = Number(current.dataset.row)
    const column = Number(current.dataset.column)
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, column],
      ArrowDown: [row + 1, column],
      ArrowLeft: [row, column - 1],
      ArrowRight: [row, column + 1],
      Home: [row, 0],
      End: [
        row,
        Math.max(...cells.filter((c) => Number(c.dataset.row) === row).map((c) => Number(c.dataset.column))),
      ],
    }
    const target = moves[key]
    if (!target) return
    event.preventDefault()
    at(target[0], target[1])?.focus()
  })
}
