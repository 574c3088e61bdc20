/** Entry of the preview page bundle: reads the JSON the renderer embedded and starts the app. */
import type { PreviewData } from '../preview-data.js';
import { PreviewApp } from './app.js';
import { connectHost } from './host.js';

const dataElement = document.getElementById('cx-preview-data');
const root = document.getElementById('cx-app');
if (dataElement && root) {
    // The JSON sits in a non-executable <script type="application/json">; JSON.parse, never eval.
    const data = JSON.parse(dataElement.textContent ?? '') as PreviewData;
    new PreviewApp(data, root, connectHost()).start();
}
