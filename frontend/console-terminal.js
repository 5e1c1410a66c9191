// <vps-terminal>: an xterm.js terminal that talks to a console WebSocket by itself, driven by
// org.vpspanel.ui.Terminal. The wire protocol is described there and in docs/architecture.md:
//   browser -> server: binary frames = keystrokes (UTF-8 bytes as typed),
//                      text frames   = JSON control messages, e.g. {"type":"resize","cols":80,"rows":24}
//   server -> browser: binary or text frames = terminal output, written to the screen as is
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';

const encoder = new TextEncoder();

class ConsoleTerminal extends HTMLElement {
  constructor() {
    super();
    // A url set before this element was defined sits on the instance and would hide the setter below.
    if (Object.hasOwn(this, 'url')) {
      this.socketUrl = this.url;
      delete this.url;
    }
  }

  connectedCallback() {
    // Public so that tests (and the browser console) can read the screen.
    this.terminal = new Terminal({ cursorBlink: true, fontSize: 14, scrollback: 5000 });
    this.fitAddon = new FitAddon();
    this.terminal.loadAddon(this.fitAddon);
    this.terminal.open(this);
    this.terminal.onData((text) => this.send(encoder.encode(text)));
    this.terminal.onBinary((bytes) => this.send(Uint8Array.from(bytes, (c) => c.charCodeAt(0))));
    this.terminal.onResize(({ cols, rows }) => this.send(JSON.stringify({ type: 'resize', cols, rows })));
    this.resizeObserver = new ResizeObserver(() => this.fit());
    this.resizeObserver.observe(this);
    this.fit();
    this.openSocket();
  }

  disconnectedCallback() {
    this.closeSocket();
    this.resizeObserver.disconnect();
    this.terminal.dispose();
    this.terminal = undefined;
  }

  /** The console's WebSocket address, absolute or relative to the page; set by the server, unset to hang up. */
  set url(value) {
    this.socketUrl = value;
    if (this.terminal) {
      this.closeSocket();
      this.openSocket();
    }
  }

  get url() {
    return this.socketUrl;
  }

  fit() {
    // A hidden terminal has no size to fit to; it fits once it is shown.
    if (this.offsetWidth > 0 && this.offsetHeight > 0) {
      this.fitAddon.fit();
    }
  }

  openSocket() {
    if (!this.socketUrl) {
      return;
    }
    const address = new URL(this.socketUrl, document.baseURI);
    if (address.protocol === 'http:' || address.protocol === 'https:') {
      address.protocol = address.protocol === 'https:' ? 'wss:' : 'ws:';
    }
    const socket = new WebSocket(address);
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    // Events of a socket that has since been replaced or closed on purpose are not reported.
    socket.onopen = () => {
      if (this.socket === socket) {
        this.send(JSON.stringify({ type: 'resize', cols: this.terminal.cols, rows: this.terminal.rows }));
        this.dispatchEvent(new CustomEvent('console-connected'));
      }
    };
    socket.onmessage = (message) => {
      if (this.socket === socket) {
        this.terminal.write(typeof message.data === 'string' ? message.data : new Uint8Array(message.data));
      }
    };
    socket.onclose = (closed) => {
      if (this.socket === socket) {
        this.socket = undefined;
        this.terminal.write(`\r\n\x1b[2m[console closed${closed.reason ? ': ' + closed.reason : ''}]\x1b[0m\r\n`);
        this.dispatchEvent(new CustomEvent('console-closed',
          { detail: { code: closed.code, reason: closed.reason, clean: closed.wasClean } }));
      }
    };
  }

  closeSocket() {
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(1000, 'closed by the panel');
  }

  send(frame) {
    if (this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(frame);
    }
  }
}

customElements.define('vps-terminal', ConsoleTerminal);
