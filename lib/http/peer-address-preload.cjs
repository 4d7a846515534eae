// Preloaded into the server process (`node --require ./lib/http/peer-address-preload.cjs …`): stamps every
// request with the address of the socket it arrived on, in a header that no client can set (any value a
// client sends under that name is overwritten). Next.js gives route handlers no socket, and it keeps a
// client's own X-Forwarded-For, so without this the true peer address would be lost (lib/http/client-ip.ts).
const http = require("node:http");

const PEER_ADDRESS_HEADER = "x-agenthq-peer-address";
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function stampPeerAddress(event, request, ...rest) {
  if (event === "request" && request && request.headers) {
    request.headers[PEER_ADDRESS_HEADER] = (request.socket && request.socket.remoteAddress) || "";
  }
  return emit.call(this, event, request, ...rest);
};
