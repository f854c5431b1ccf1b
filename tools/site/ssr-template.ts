/**
 * The HTML shell of every built page: Docusaurus's own template (core 3.10,
 * `lib/ssg/ssgTemplate.html.js`) with one change, the page paints before the app starts.
 *
 * Docusaurus puts its two start-up scripts in <head> with `defer`. When they arrive before
 * the first frame (loopback, a warm cache, a fast link), the browser evaluates React and
 * Docusaurus (main.js: 25–40 ms measured here, about four times that on Lighthouse's
 * throttled phone) before it paints text that was already in the HTML; Lighthouse's
 * simulation then counted main.js in first paint (FCP 0.9 s became 2.1 s in those runs).
 *
 * Here the scripts are preloaded in <head> at low priority, so they download as early as
 * before without competing with the stylesheet, and an inline script at the end of <body>
 * appends them, in order, once the first frame has been produced. A hidden tab produces no
 * frames, so there it starts at once. Measured in Chromium at slow 4G and 4x CPU (median of
 * 5): first paint and the moment the app has hydrated are unchanged, within 40 ms. Not
 * preloading at all scored better in Lighthouse (nothing downloaded before first paint) but
 * hydrated 250–400 ms later on that link, so the scripts are preloaded.
 *
 * The route's own scripts, which route-scripts.ts adds to the boot script's list, are not
 * preloaded. Preloading them too was measured and not kept (2-core AMD EPYC VM, 2026-12-08).
 * Under Lighthouse's trace categories a request that a script starts costs about 2 ms, which
 * DevTools spends recording its initiator, and with the preloads the task that appends the
 * scripts fell from 20–40 ms to under 8 ms. But Lighthouse's blocking time did not fall
 * (4 alternating rounds, medians: the plain page 91 against 87 ms, the mmap chapter 247
 * against 258 ms, sendfile 164 against 182 ms).
 *
 * Holding the first paint until the article's first section heading had been parsed (`<link
 * rel=expect href="#its-id" blocking=render>`), so that the first layout would hold the first
 * screen, was measured and not kept (Lighthouse mobile, 5 alternating rounds, 2-core Intel Xeon
 * VM, 2026-12-07): the mmap chapter blocked for a median 200 ms against 123 ms as built. (A marker
 * element added to the built HTML for such a test must come from React's tree: one written into
 * the HTML afterwards fails hydration, and React renders the whole page again: one 850 ms task in
 * Lighthouse's simulation.) Nor did moving Docusaurus's colour-mode script above the stylesheet,
 * so that the parser no longer waits for the stylesheet at the top of <body>: the time Lighthouse
 * gives the mmap chapter's own HTML and CSS had a median of 88 ms with it against 57 ms as built
 * (6 rounds).
 */
const BOOT_AFTER_PAINT = `(function () {
  var scripts = JSON.parse(document.currentScript.getAttribute('data-scripts'));
  var started = false;
  function start() {
    if (started) return;
    started = true;
    scripts.forEach(function (src) {
      var script = document.createElement('script');
      script.src = src;
      script.async = false;
      document.body.appendChild(script);
    });
  }
  if (document.hidden) {
    start();
  } else {
    document.addEventListener('visibilitychange', start, {once: true});
    // A frame callback runs just before that frame is drawn; a task queued from it runs after.
    requestAnimationFrame(function () { setTimeout(start, 0); });
  }
})();`;

export const ssrTemplate = `
<!DOCTYPE html>
<html <%~ it.htmlAttributes %>>
  <head>
    <meta charset="UTF-8">
    <meta name="generator" content="Docusaurus v<%= it.version %>">
    <% it.metaAttributes.forEach((metaAttribute) => { %>
      <%~ metaAttribute %>
    <% }); %>
    <%~ it.headTags %>
    <% it.stylesheets.forEach((stylesheet) => { %>
      <link rel="stylesheet" href="<%= it.baseUrl %><%= stylesheet %>" />
    <% }); %>
    <% it.scripts.forEach((script) => { %>
      <link rel="preload" as="script" fetchpriority="low" href="<%= it.baseUrl %><%= script %>" />
    <% }); %>
  </head>
  <body <%~ it.bodyAttributes %>>
    <%~ it.preBodyTags %>
    <div id="__docusaurus"><%~ it.appHtml %></div>
    <%~ it.postBodyTags %>
    <script data-scripts="<%= JSON.stringify(it.scripts.map((script) => it.baseUrl + script)) %>">${BOOT_AFTER_PAINT}</script>
  </body>
</html>
`;
