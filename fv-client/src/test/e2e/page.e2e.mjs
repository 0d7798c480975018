// Drives job-api's page in Debian's chromium against a running stack.
// Usage: FV_API_KEY=<key> FV_PAGE_LINK=<signed-in link> node page.e2e.mjs <api-url>
// <screenshot-dir> <photos-dir> <models-dir>; exits non-zero on the first failure. <photos-dir> is
// the stack's built-in image set (the shared photos), <models-dir> the shared models.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [apiUrl, shots, photosDir, modelsDir] = process.argv.slice(2);
const MODEL = 'mobilenet_v2';
const ATLAS_LAYER = 'expanded_conv_2/add'; // 24 channels: one atlas page, a sweep of three shards
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
// The stack's development key, as a user would have entered it once in the page's key box.
await page.addInitScript((key) => localStorage.setItem('featureviz.apiKey', key),
  process.env.FV_API_KEY ?? '');
page.on('pageerror', (error) => console.error('page error:', error.message));
page.setDefaultTimeout(60_000);
const shot = (name) => page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
/** Waits until `count` images under `selector` have loaded as `width`-pixel PNGs. */
const imagesLoaded = (selector, count, width, timeout = 60_000) => page.waitForFunction(
  ([css, n, w]) => [...document.querySelectorAll(css)]
    .filter((image) => image.complete && image.naturalWidth === w).length === n,
  [selector, count, width], { timeout });

/** Requests of the API, as the page's user. */
const asUser = { headers: { Authorization: `Bearer ${process.env.FV_API_KEY}` } };
const apiGet = async (path) => (await page.request.get(`${apiUrl}/v1/${path}`, asUser)).json();
const apiDelete = (path) => page.request.delete(`${apiUrl}/v1/${path}`, asUser);

async function step(name, body) {
  const started = Date.now();
  try {
    await body();
  } catch (error) {
    // what the page showed when the step failed
    await page.screenshot({ path: `${shots}/failed.png`, fullPage: true }).catch(() => {});
    throw error;
  }
  console.log(`ok ${name} (${Date.now() - started} ms)`);
}

let jobId;

await step('the submit form offers the models, layers and classes', async () => {
  await page.goto(`${apiUrl}/#/submit`);
  await page.selectOption('#model', MODEL);
  await page.waitForSelector(`#layer option[value="${ATLAS_LAYER}"]`, { state: 'attached' });
  assert.match(await page.inputValue('#objective'), /^.+:0$/);
  await page.fill('#class', 'goldfish, Carassius auratus');
  assert.equal(await page.inputValue('#objective'), 'softmax:2');
  // the bounds are the API's, from its OpenAPI document: the size's is 4x the model's input
  assert.equal(await page.getAttribute('#size', 'max'), String(4 * 224));
  assert.equal(await page.getAttribute('#batch', 'max'), '16');
  await shot('submit-form');
});

await step('a refused objective shows the API message next to the field', async () => {
  await page.fill('#objective', 'softmax:no_such_class');
  await page.click('form.submit > button[type=submit]');
  const error = await page.waitForSelector('#objective-error:not(:empty)');
  assert.match(await error.textContent(), /unknown class label/);
  assert.equal(await page.getAttribute('#objective', 'aria-invalid'), 'true');
  await shot('submit-refused');
});

await step('submitting opens the job, whose frames arrive live until SUCCEEDED', async () => {
  await page.fill('#class', 'goldfish, Carassius auratus');
  await page.fill('#size', '48');
  await page.fill('#steps', '8');
  await page.fill('#thresholds', '4,8');
  await page.click('form.submit > button[type=submit]');
  await page.waitForURL(/#\/jobs\/[0-9a-f-]+$/);
  jobId = decodeURIComponent(page.url().split('/').pop());
  const liveTable = await page.waitForSelector('table.frames');
  await page.waitForFunction(() => document.querySelector('#view .status')?.textContent === 'SUCCEEDED');
  await imagesLoaded('table.frames img', 2, 48);
  // the first view's table got its images from `frame` events (it is replaced once the stream ends)
  assert.ok(await liveTable.evaluate((table) => table.querySelectorAll('img').length) >= 1,
    'no frame arrived through the event stream');
  assert.equal(await page.locator('table.frames a[download]').count(), 2);
  assert.equal(await page.locator('.chart path[d^="M"]').count(), 1);
  await shot('job-succeeded');
});

await step('the history lists the job and filters by status', async () => {
  await page.goto(`${apiUrl}/#/jobs?model=${MODEL}&status=SUCCEEDED`);
  await page.waitForSelector(`table.jobs a[href="#/jobs/${jobId}"]`);
  await shot('jobs');
  await page.selectOption('#filter-status', 'FAILED');
  await page.click('.filters button');
  await page.waitForSelector('text=No jobs match.');
});

await step('the model page lists its layers; sweeping one shows its progress, then its thumbnails', async () => {
  const { layers } = await apiGet(`models/${MODEL}`);
  await page.goto(`${apiUrl}/#/models/${MODEL}`);
  const row = await page.waitForSelector(`.layer[data-layer="${ATLAS_LAYER}"]`);
  assert.equal(await page.locator('.layer').count(), layers.length);
  assert.match(await row.innerText(), /24 channels, 56×56\s*not swept/);
  await page.fill('#size', '32');
  await page.fill('#steps', '8');
  await (await row.$('button[type=submit]')).click();
  await row.waitForSelector('.sweep-progress:not([hidden])');
  assert.equal(await page.locator('.swept-layers').textContent(),
    `Swept (1 of ${layers.length}): ${ATLAS_LAYER}`);
  await shot('model-sweeping');
  // the same row, never drawn again: the sweep's events brought its counts and images
  await row.waitForSelector('.sweep-progress .status:text-is("succeeded")', { timeout: 120_000 });
  await imagesLoaded(`.layer[data-layer="${ATLAS_LAYER}"] .thumbs img`, 16, 32);
  assert.equal(await (await row.$('.sweep-progress .count')).textContent(), '24 of 24 channels');
  assert.equal(await (await row.$('.thumbs .more')).textContent(), '8 more in the atlas');
  assert.ok(await row.evaluate((element) => element.isConnected));
  await shot('model-swept');
});

await step('the atlas of the swept layer shows the sweep, follows it instead of sweeping again, and shows it when reopened', async () => {
  const atlas = `${apiUrl}/#/atlas/${MODEL}/${encodeURIComponent(ATLAS_LAYER)}`;
  await page.goto(atlas);
  await imagesLoaded('.atlas img', 24, 32);
  assert.deepEqual([await page.inputValue('#size'), await page.inputValue('#steps')], ['32', '8']);
  await shot('atlas');
  await page.click('.sweep-settings button[type=submit]');
  await page.waitForSelector('.sweep-settings button[type=submit]:not([disabled])');
  assert.equal((await apiGet(`sweeps?model=${MODEL}`)).items.length, 1, 'the same settings: no new sweep');
  await page.goto(`${apiUrl}/#/jobs`);
  await page.goto(atlas);
  await imagesLoaded('.atlas img', 24, 32);
});

const PHOTOS = readdirSync(photosDir).filter((name) => /\.(jpe?g|png|bmp|gif)$/i.test(name));
const EXAMPLES_CHANNEL = 3;

/** The shown examples: [{image, activation}], best first. */
const shownExamples = () => page.$$eval('.examples li', (items) => items.map((item) => ({
  image: item.querySelector('.image-name').textContent,
  activation: Number(item.querySelector('.activation').textContent.replace('activation ', '')),
})));

await step('a channel of the atlas opens beside its dataset examples, searched as a job', async () => {
  await page.click(`.atlas li[data-channel="${EXAMPLES_CHANNEL}"] img`);
  await page.waitForURL(/#\/channel\//);
  await imagesLoaded('.visualization img', 1, 32);
  await page.waitForSelector('#dataset option[value="photos"]', { state: 'attached' });
  await page.waitForSelector('#examples-note:has-text("Not searched yet")');
  await page.fill('#top-k', '4');
  await page.click('text=Find dataset examples');
  await imagesLoaded('.examples figure > img', 4, 128, 120_000);
  await page.waitForSelector('#examples-note:has-text("Top 4 of")');
  const examples = await shownExamples();
  assert.equal(examples.length, 4);
  for (const { image } of examples) assert.ok(PHOTOS.includes(image), `${image} is not a shared photo`);
  assert.equal(new Set(examples.map((e) => e.image)).size, 4, 'each image once');
  for (let i = 1; i < examples.length; i++) {
    assert.ok(examples[i - 1].activation >= examples[i].activation, `ranked: ${JSON.stringify(examples)}`);
  }
  // the best one in context: the whole photo with the crop's box on it
  await page.click('.examples li >> nth=0 >> summary');
  await page.waitForFunction(() => document.querySelector('.examples li .context-image img')?.naturalWidth > 128);
  const box = await page.locator('.examples li >> nth=0 >> .crop-box').boundingBox();
  const photo = await page.locator('.examples li >> nth=0 >> .context-image img').boundingBox();
  assert.ok(box.width > 4 && box.height > 4 && box.width <= photo.width + 1 && box.height <= photo.height + 1,
    `crop box ${JSON.stringify(box)} inside photo ${JSON.stringify(photo)}`);
  await shot('dataset-examples');
  // found again without a new job: the page shows the finished search
  await page.reload();
  await imagesLoaded('.examples figure > img', 4, 128);
  assert.deepEqual(await shownExamples(), examples);
});

await step('an uploaded image set can be searched too', async () => {
  const mine = PHOTOS.slice(0, 3);
  await page.click('text=Upload an image set');
  await page.setInputFiles('#dataset-files', mine.map((name) => join(photosDir, name)));
  await page.fill('#dataset-name', 'three photos');
  await page.click('.dataset-upload button[type=submit]');
  await page.waitForSelector('#dataset-upload-message:has-text("Uploaded 3 images")');
  assert.match(await page.$eval('#dataset', (select) => select.selectedOptions[0].textContent), /three photos/);
  await page.fill('#top-k', '5');
  await page.click('text=Find dataset examples');
  await imagesLoaded('.examples figure > img', 3, 128, 120_000);
  const examples = await shownExamples();
  assert.deepEqual(examples.map((e) => e.image).sort(), [...mine].sort());
  await shot('dataset-examples-upload');
  await page.click('#examples-note a');
  await page.waitForURL(/#\/jobs\/[0-9a-f-]+$/);
  // the job's own page: its settings name the image set, its crops are listed best first
  await page.waitForSelector('.summary dd:has-text("the 3 best of 3 images in ds-")');
  await imagesLoaded('.examples figure > img', 3, 128);
  assert.deepEqual(await shownExamples(), examples);
  assert.ok(!(await page.textContent('#view')).includes('null'), 'no "null" on the job page');
  await shot('dataset-examples-job');
  // and back to the channel, where the built-in set's finished search shows again
  await page.click('text=The channel, with its visualization');
  await page.waitForURL(/#\/channel\//);
  await imagesLoaded('.examples figure > img', 4, 128);
});

/** Waits until at least `count` images under `selector` have loaded; returns how many did. */
const atLeastImagesLoaded = async (selector, count) => (await page.waitForFunction(
  ([css, n]) => {
    const loaded = [...document.querySelectorAll(css)].filter((i) => i.complete && i.naturalWidth > 0);
    return loaded.length >= n && loaded.length;
  }, [selector, count])).jsonValue();

await step('the page opens on a gallery of finished images, each batch element its own cell', async () => {
  await page.goto(`${apiUrl}/`);
  // the atlas sweep's three shard jobs' 24 elements fill the first page, newest first; the goldfish is next
  assert.equal(await atLeastImagesLoaded('.gallery img', 24), 24);
  const cells = await page.$$eval('.gallery li', (items) => items.map((item) => ({
    job: item.querySelector('a').getAttribute('href'),
    objective: item.querySelector('.objective').textContent,
    model: item.querySelector('.model').textContent,
  })));
  const atlasChannels = cells.map((c) => c.objective.match(/^(.+):(\d+)$/))
    .filter((m) => m?.[1] === ATLAS_LAYER).map((m) => Number(m[2])).sort((a, b) => a - b);
  assert.deepEqual(atlasChannels, range(0, 24), `one cell per channel: ${JSON.stringify(cells)}`);
  assert.ok(cells.every((c) => c.model === MODEL && /^#\/jobs\/[0-9a-f-]+$/.test(c.job)));
  assert.equal(new Set(cells.map((c) => c.job)).size, 3, 'the sweep rendered three shard jobs');
  await shot('gallery');
  await page.click('text=Load more');
  await page.waitForSelector(`.gallery a[href="#/jobs/${jobId}"] img`);
  assert.equal(await page.textContent(`.gallery a[href="#/jobs/${jobId}"] .objective`), 'softmax:2');
  await page.click(`.gallery a[href="#/jobs/${jobId}"]`);
  await page.waitForURL(new RegExp(`#/jobs/${jobId}$`));
});

await step('the jobs list shows a thumbnail per job', async () => {
  await page.goto(`${apiUrl}/#/jobs`);
  // the goldfish, the sweep's three shard jobs and two dataset searches, whose thumbnail is their best crop
  await page.waitForSelector('table.jobs tbody tr >> nth=5');
  const rows = await page.locator('table.jobs tbody tr').count();
  assert.equal(rows, 6);
  assert.equal(await atLeastImagesLoaded('table.jobs td.thumbnail img', rows), rows);
  await shot('jobs-thumbnails');
});

await step('a channel rendered as one element of a batched job shows its image', async () => {
  // opened directly, not from the atlas: the page finds the element itself
  await page.goto(`${apiUrl}/#/channel/${MODEL}/${encodeURIComponent(ATLAS_LAYER)}/13`);
  await imagesLoaded('.visualization img', 1, 32);
  assert.equal(await page.locator('text=Render this channel').count(), 0);
  const job = await page.getAttribute('.visualization a', 'href');
  const { request } = await apiGet(job.slice(2));
  assert.ok(request.batch > 1 && request.objective.includes(`${ATLAS_LAYER}:13`), request.objective);
  await shot('channel-from-batch');
});

function range(from, to) {
  return Array.from({ length: to - from }, (_, i) => from + i);
}


/**
 * Signing in, each in a browser context of its own (no stored key): the link `./fv up` prints
 * (FV_PAGE_LINK, built by fv-client's PageLink) opens the page signed in and leaves no key in the
 * address bar; the bare page says how to get a key, and a pasted key signs in.
 */
async function signInChecks() {
  const link = process.env.FV_PAGE_LINK ?? '';
  const freshPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const fresh = await context.newPage();
    fresh.on('pageerror', (error) => console.error('page error:', error.message));
    fresh.setDefaultTimeout(60_000);
    return fresh;
  };
  const modelsListed = (fresh) =>
    fresh.waitForSelector(`#model option[value="${MODEL}"]`, { state: 'attached' });

  await step('the printed link opens the page signed in; the key leaves the address bar', async () => {
    assert.match(link, /^http:\/\/[^?]+\/#key=[^&]+$/, 'FV_PAGE_LINK carries the key in the fragment');
    const fresh = await freshPage();
    await fresh.goto(link);
    await fresh.waitForSelector('#view h1');
    assert.equal(await fresh.locator('.sign-in').count(), 0, 'signed in: no sign-in panel');
    assert.equal(fresh.url(), `${apiUrl}/`, 'the fragment is gone from the address bar');
    // the front page: the gallery of finished images, without a key typed
    await fresh.waitForFunction(() => [...document.querySelectorAll('.gallery img')]
      .some((i) => i.complete && i.naturalWidth > 0));
    await fresh.goto(`${apiUrl}/#/submit`);
    await modelsListed(fresh);
    await fresh.screenshot({ path: `${shots}/signed-in.png`, fullPage: true });
    await fresh.reload();
    await modelsListed(fresh);
    await fresh.context().close();
  });

  await step('the bare page says how to get a key; a refused key says so; a pasted key signs in', async () => {
    const fresh = await freshPage();
    await fresh.goto(`${apiUrl}/`);
    const panel = await fresh.waitForSelector('.sign-in');
    assert.match(await panel.textContent(), /\.\/fv up.*page:/s);
    assert.equal(await fresh.locator('#view [role=alert]').count(), 0, 'no error before any key was tried');
    await fresh.screenshot({ path: `${shots}/sign-in.png`, fullPage: true });
    // on the submit view, whose first request (the models) is the one refused
    await fresh.goto(`${apiUrl}/#/submit`);
    await fresh.fill('#sign-in-key', 'fvdev_not-a-key');
    await fresh.click('.sign-in-form button');
    await fresh.waitForSelector('.sign-in [role=alert]:has-text("refused the stored key")');
    await fresh.fill('#sign-in-key', process.env.FV_API_KEY);
    await fresh.click('.sign-in-form button');
    await modelsListed(fresh);
    await fresh.context().close();
  });
}

// Uploads are imported by a worker: the page shows the 202's IMPORTING, then what the worker found.
const TFLITE = join(modelsDir ?? '', 'mobilenet_v2_1.0_224_quant', 'mobilenet_v2_1.0_224_quant.tflite');
const IMPORT_TIMEOUT = 120_000;
const uploadModel = async (id, file) => {
  await page.goto(`${apiUrl}/#/submit`);
  // open the folded form (still open when the page was already showing it); the view may hold
  // other folded uploads (image sets), and it is drawn once the models are read
  await page.waitForSelector('#upload-format', { state: 'attached' });
  await page.$eval('details:has(#upload-format)', (details) => { details.open = true; });
  await page.selectOption('#upload-format', 'tflite');
  await page.setInputFiles('#upload-file', file);
  await page.fill('#upload-id', id);
  await page.click('.model-upload button[type=submit]');
  await page.waitForSelector('#model-upload-message.status-IMPORTING');
  await page.waitForSelector(`#uploaded-models li[data-model="${id}"] .status-IMPORTING`);
};
const uploadMessage = () => page.textContent('#model-upload-message');

await step('an uploaded model is IMPORTING, then READY with the layers a worker found', async () => {
  await uploadModel('page-mobilenet', TFLITE);
  await page.waitForSelector('#model-upload-message.status-READY', { timeout: IMPORT_TIMEOUT });
  assert.match(await uploadMessage(), /^Imported page-mobilenet: \d+ layers, 0 classes\.$/);
  // chosen in the form, its layers from the catalog
  assert.equal(await page.inputValue('#model'), 'page-mobilenet');
  await page.waitForSelector(`#layer option[value="${ATLAS_LAYER}"]`, { state: 'attached' });
  await page.waitForSelector('#uploaded-models li[data-model="page-mobilenet"] .status-READY');
  assert.equal(await page.locator('#uploaded-models li[data-model="page-mobilenet"] a:has-text("Render")').count(), 1);
  await shot('model-imported');
});

await step('a malformed model ends FAILED with its reason and cannot be chosen', async () => {
  // a TFLite header the API's cheap checks accept, the rest cut off: only loading it fails
  await uploadModel('page-broken', { name: 'broken.tflite', mimeType: 'application/octet-stream',
    buffer: readFileSync(TFLITE).subarray(0, 50_000) });
  await page.waitForSelector('#model-upload-message.status-FAILED', { timeout: IMPORT_TIMEOUT });
  assert.match(await uploadMessage(), /^The import of page-broken failed: .*FlatBuffer/);
  const listed = page.locator('#uploaded-models li[data-model="page-broken"]');
  assert.equal(await listed.locator('.status-FAILED').count(), 1);
  assert.match(await listed.locator('.reason').textContent(), /FlatBuffer/);
  assert.equal(await listed.locator('a').count(), 0, 'a FAILED model offers no rendering');
  assert.equal(await page.$eval('#model option[value="page-broken"]', (o) => o.disabled), true);
  await shot('model-failed');
});

const EXPLAIN_LAYER = 'expanded_conv_12/add'; // 14×14 positions
const EXPLAIN_PHOTO = 'owl.jpg';

await step('the Explain view explains a photo: classes, heatmap, dictionary and neuron groups', async () => {
  await page.goto(`${apiUrl}/#/explain`);
  await page.selectOption('#model', MODEL);
  await page.waitForSelector(`#layer option[value="${EXPLAIN_LAYER}"]`, { state: 'attached' });
  await page.selectOption('#layer', EXPLAIN_LAYER);
  await page.click(`.image-choices label[title="${EXPLAIN_PHOTO}"]`);
  await page.fill('#groups', '2');
  await page.click('details.advanced summary');
  await page.fill('#size', '64');
  await page.fill('#steps', '8');
  await page.fill('#picture-size', '32');
  await page.fill('#picture-steps', '8');
  await shot('explain-form');
  await page.click('form.explain-form > button[type=submit]');
  await page.waitForURL(/#\/explain\/[0-9a-f-]+\?/);
  const id = decodeURIComponent(page.url().match(/#\/explain\/([^?]+)/)[1]);
  await page.waitForFunction(() => document.querySelector('#view .status')?.textContent === 'SUCCEEDED',
    null, { timeout: 120_000 });
  // the numbers come with the stored job, which the page reads again once the events end
  await page.waitForSelector('.classes li.explained');
  const { explanation } = await apiGet(`jobs/${id}`);
  // the top classes, the explained one (the top-1) marked
  assert.equal(await page.locator('.classes li').count(), explanation.top_classes.length);
  assert.equal(await page.getAttribute('.classes li.explained', 'data-class'), String(explanation.top_classes[0].index));
  // the pictures: the heatmap, and per group its map and its visualization
  assert.equal(await atLeastImagesLoaded('.heatmap img', 1), 1);
  assert.equal(await page.locator('.group').count(), 2);
  assert.equal(await atLeastImagesLoaded('.group-pictures img', 4), 4);
  // pointing at a position lists its channels, each linking to its channel page
  const { grid_width: width, grid_height: height, positions } = explanation;
  const box = await page.locator('.heatmap').boundingBox();
  const [x, y] = [2, height - 3];
  await page.mouse.move(box.x + ((x + 0.5) * box.width) / width, box.y + ((y + 0.5) * box.height) / height);
  await page.waitForSelector(`#dictionary-heading:has-text("Position (${x}, ${y})")`);
  const listed = await page.$$eval('.dictionary a.channel-picture', (links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual(listed.map((href) => Number(href.match(/\/(\d+)(\?|$)/)[1])), positions[y * width + x].channels);
  assert.ok(listed.every((href) => href.startsWith(`#/channel/${MODEL}/${encodeURIComponent(EXPLAIN_LAYER)}/`)), listed.join(' '));
  // the groups' channels, never rendered at 32 px, come from one batched render job
  const groupChannels = await page.locator('.group .channel-picture').count();
  assert.ok(groupChannels >= 2, `${groupChannels} group channels`);
  await imagesLoaded('.group .channel-picture img', groupChannels, 32, 120_000);
  const { items } = await apiGet(`jobs?${new URLSearchParams({ model: MODEL, layer: EXPLAIN_LAYER, limit: 10 })}`);
  assert.ok(items.some((job) => job.kind === 'render' && job.request.batch > 1 && job.request.size === 32),
    'a batched render job for the channel pictures');
  // once that job ended, every group picture shows its last frame
  await page.waitForFunction(() => document.querySelector('.pictures-note')?.textContent === '',
    null, { timeout: 120_000 });
  await imagesLoaded('.group .channel-picture img', groupChannels, 32);
  await shot('explain');
  // the job's own page is the same explanation
  await page.goto(`${apiUrl}/#/jobs/${id}`);
  await page.waitForSelector('.heatmap img');
  assert.equal(await page.locator('.group').count(), 2);
  // it knows no picture size, so it queues the channels' pictures at the defaults (128 px, 256
  // steps); cancelled here, or the one worker renders them before the next steps' jobs
  await page.waitForSelector('.pictures-note:has-text("Rendering")');
  const picturesJob = (await page.textContent('.pictures-note')).match(/\(job ([0-9a-f]{8})\)/)[1];
  const queued = (await apiGet(`jobs?${new URLSearchParams({ model: MODEL, layer: EXPLAIN_LAYER, limit: 10 })}`))
    .items.find((job) => job.id.startsWith(picturesJob));
  assert.equal(queued.request.size, 128);
  const cancelled = await apiDelete(`jobs/${queued.id}`);
  assert.ok(cancelled.ok(), `cancelling the pictures' job: ${cancelled.status()}`);
});

await step('an image uploaded with a class the model lacks is refused beside the class field', async () => {
  // the multipart submission (part job, part image), refused before anything is queued; a
  // successful one takes a place in the worker's queue (about 40 s here), so it is left to the API's tests
  await page.goto(`${apiUrl}/#/explain`);
  await page.selectOption('#model', MODEL);
  await page.waitForSelector(`#layer option[value="${EXPLAIN_LAYER}"]`, { state: 'attached' });
  await page.check('#source-file');
  await page.setInputFiles('#image-file', join(photosDir, EXPLAIN_PHOTO));
  await page.fill('#class', 'no such class');
  await page.click('form.explain-form > button[type=submit]');
  await page.waitForSelector('#class-error:not(:empty)');
  assert.equal(await page.getAttribute('#class', 'aria-invalid'), 'true');
  assert.match(page.url(), /#\/explain$/);
});

await step('an interpolation between two channels shows as one strip of its frames', async () => {
  await page.goto(`${apiUrl}/#/submit`);
  await page.selectOption('#model', MODEL);
  await page.waitForSelector(`#layer option[value="${ATLAS_LAYER}"]`, { state: 'attached' });
  await page.fill('#objective', `${ATLAS_LAYER}:3`);
  await page.check('#interpolate');
  assert.equal(await page.isVisible('#batch'), false, 'the frames are the batch');
  await page.fill('#to', `${ATLAS_LAYER}:7`);
  await page.fill('#frames', '4');
  await page.fill('#size', '48');
  await page.fill('#steps', '8');
  await page.fill('#thresholds', '8');
  await page.click('form.submit > button[type=submit]');
  await page.waitForURL(/#\/jobs\/[0-9a-f-]+$/);
  await page.waitForFunction(() => document.querySelector('#view .status')?.textContent === 'SUCCEEDED',
    null, { timeout: 120_000 });
  await imagesLoaded('.strip img', 4, 48);
  assert.deepEqual(await page.$$eval('.strip li', (cells) => cells.map((c) => Number(c.dataset.batch))), [0, 1, 2, 3]);
  // the job is named by its two ends, not by the objectives generated for its frames
  assert.deepEqual(await page.$$eval('.summary dd code', (ends) => ends.map((end) => end.textContent)),
    [`${ATLAS_LAYER}:3`, `${ATLAS_LAYER}:7`]);
  await shot('interpolation');
});

await step('sweeping every layer of a model is one sweep, shown in every row and cancelled from any', async () => {
  // last: the cancelled sweep's shards still pass through the worker (each ends at once)
  const WHOLE = 'inception_v3';
  const { layers } = await apiGet(`models/${WHOLE}`);
  const channels = layers.reduce((sum, layer) => sum + layer.channels, 0);
  await page.goto(`${apiUrl}/#/models/${WHOLE}`);
  const sweepAll = page.locator('button.sweep-all');
  assert.equal(await sweepAll.textContent(), `Sweep every layer (${channels} channels)`);
  await page.fill('#size', '32');
  await page.fill('#steps', '8');
  const rowsShowingASweep = (n) => page.waitForFunction((count) => document
    .querySelectorAll('.layer .sweep-progress:not([hidden])').length === count, n);
  await sweepAll.click();
  await rowsShowingASweep(layers.length);
  const first = page.locator('.layer').first();
  assert.match(await first.innerText(), new RegExp(`one sweep of ${layers.length} layers`));
  assert.equal(await page.locator('.swept-layers').textContent(), `Every layer swept (${layers.length}).`);
  await shot('model-sweeping-all');
  // again with the same settings: the running sweep is followed, not started twice
  await sweepAll.click();
  await page.waitForSelector('button.sweep-all:not([disabled])');
  const { items } = await apiGet(`sweeps?model=${WHOLE}`);
  assert.equal(items.length, 1, 'one sweep');
  assert.equal(items[0].channels_total, channels);
  assert.deepEqual(items[0].layers.map((entry) => entry.layer), layers.map((layer) => layer.name));
  await first.locator('button.danger').click();
  await page.waitForFunction((count) => [...document.querySelectorAll('.layer .sweep-progress .status')]
    .filter((status) => status.textContent === 'cancelled').length === count, layers.length);
  assert.equal((await apiGet(`sweeps/${items[0].id}?layer=${encodeURIComponent(layers[0].name)}`)).status,
    'cancelled');
});

await signInChecks();
await browser.close();
