// The physical floor: the same graph held in memory as compact typed arrays (CSR), and a
// breadth-first search over it.
export class Csr {
  /** offsets[i]..offsets[i+1] index the neighbours of node i in targets. */
  constructor(
    readonly offsets: Int32Array,
    readonly targets: Int32Array,
  ) {}

  static build(nodeCount: number, from: Int32Array, to: Int32Array): Csr {
    const offsets = new Int32Array(nodeCount + 1);
    for (let i = 0; i < from.length; i++) offsets[from[i]! + 1]!++;
    for (let i = 0; i < nodeCount; i++) offsets[i + 1]! += offsets[i]!;
    const fill = offsets.slice(0, nodeCount);
    const targets = new Int32Array(from.length);
    for (let i = 0; i < from.length; i++) targets[fill[from[i]!]!++] = to[i]!;
    return new Csr(offsets, targets);
  }

  /** How many nodes a breadth-first search from start reaches (start included). */
  bfsCount(start: number): number {
    const n = this.offsets.length - 1;
    const seen = new Uint8Array(n);
    let queue = new Int32Array(1024);
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    seen[start] = 1;
    while (head < tail) {
      const v = queue[head++]!;
      for (let k = this.offsets[v]!; k < this.offsets[v + 1]!; k++) {
        const w = this.targets[k]!;
        if (!seen[w]) {
          seen[w] = 1;
          if (tail === queue.length) {
            const bigger = new Int32Array(queue.length * 2);
            bigger.set(queue);
            queue = bigger;
          }
          queue[tail++] = w;
        }
      }
    }
    return tail;
  }
}
