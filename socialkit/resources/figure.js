// Front end of the widget views' figure (socialkit/views/base.py, FigureCanvas).
// The kernel sends each new figure as PNG bytes; they are decoded off the main thread by
// createImageBitmap and painted into a <canvas>. An <img> fed a blob: URL costs ~7 ms more
// per figure (the blob is fetched back through the browser's loader before decoding).
export default {
  render({ model, el }) {
    const canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.style.display = "block";
    canvas.style.width = "100%";
    canvas.style.height = "auto";
    el.appendChild(canvas);
    const context = canvas.getContext("2d", { alpha: false });

    const describe = () => {
      const text = model.get("alt") || "";
      canvas.setAttribute("aria-label", text);
      canvas.title = text;
    };

    let sent = 0; // figures received; a decode finished after a newer one arrived is dropped
    const paint = async () => {
      const seq = ++sent;
      el.kitReceived = performance.now(); // for tools/bench_browser.py
      const data = model.get("value");
      if (!data || !data.byteLength) return;
      const bitmap = await createImageBitmap(new Blob([data], { type: "image/png" }));
      if (seq !== sent) {
        bitmap.close();
        return;
      }
      if (canvas.width !== bitmap.width || canvas.height !== bitmap.height) {
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
      }
      context.drawImage(bitmap, 0, 0);
      bitmap.close();
      canvas.dataset.drawn = String(seq); // « figure painted »: the tests wait for it
    };

    describe();
    paint();
    model.on("change:alt", describe);
    model.on("change:value", paint);
    return () => {
      model.off("change:alt", describe);
      model.off("change:value", paint);
    };
  },
};
