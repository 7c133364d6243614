// A glassnet controller in p5.js: the mouse is a point of the data's plane, and every
// neuron of the network is drawn as a circle whose size and colour are its activation
// at that point. The numbers come from the glassnet session itself (a "probe" request):
// the sketch computes nothing of the network, it only draws what the engine answers.
//
// Open it from the glassnet server: http://127.0.0.1:8765/examples/p5-controller/#join=CODE
// (CODE from the page's Share live). Without a code it starts a session of its own.

let socket; // the WebSocket to glassnet
let layers = []; // the last answer: for each layer, { z: [...], a: [...] }
let waiting = false; // a probe is on its way: ask again only when it has been answered
let epoch = 0;

function setup() {
  createCanvas(640, 400);
  textFont("monospace");
  const code = (location.hash.match(/join=([A-Za-z0-9_-]+)/) || [])[1];
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${scheme}://${location.host}/ws${code ? `?join=${code}` : ""}`);
  socket.onopen = () => send({ type: "hello", protocol: 2 });
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.type === "probed") {
      layers = message.layers;
      epoch = message.epoch;
      waiting = false;
      window.glassnetProbe = message; // for whoever wants to look (and for the test)
    } else if (message.type === "frame") {
      send({ type: "ready" }); // drawn: the next frame may come
    }
  };
}

function send(message) {
  socket.send(JSON.stringify(message));
}

// The mouse, as a point of the data's plane: x1 and x2 from -6 to 6 (x2 grows upwards).
function mousePoint() {
  const x1 = constrain(map(mouseX, 0, width, -6, 6), -6, 6);
  const x2 = constrain(map(mouseY, 0, height, 6, -6), -6, 6);
  return [x1, x2];
}

function draw() {
  background(250);
  if (socket.readyState === WebSocket.OPEN && !waiting) {
    send({ type: "probe", x: mousePoint() }); // one question per frame, at most
    waiting = true;
  }
  // One column per layer; one circle per neuron: blue for positive, orange for negative.
  layers.forEach((layer, i) => {
    const x = ((i + 1) * width) / (layers.length + 1);
    layer.a.forEach((a, j) => {
      const y = ((j + 1) * height) / (layer.a.length + 1);
      noStroke();
      fill(a >= 0 ? color(8, 119, 189) : color(245, 147, 34));
      circle(x, y, 8 + 50 * min(abs(a), 1));
    });
  });
  const [x1, x2] = mousePoint();
  fill(30);
  text(`point (${x1.toFixed(2)}, ${x2.toFixed(2)})   epoch ${epoch}`, 10, height - 10);
}
