// A worker thread that lays out and renders one record page (src/publish/renderer.ts runs it):
// GraphViz and pdfkit do their CPU work here, never on the server's event loop.
import { withSvg, type PageSource } from "./page.js";
import { renderPage, type PageFormat } from "./render.js";

export default async function render(task: { page: PageSource; format: PageFormat }): Promise<string | Uint8Array> {
  return renderPage(await withSvg(task.page), task.format);
}
