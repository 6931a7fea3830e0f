// Microphone capture: getUserMedia → AudioWorklet → 16 kHz mono PCM s16le chunks (100 ms) with a level.
// Paused: the microphone stays open (the meter keeps moving) but chunks are dropped, not recorded.

export const TARGET_RATE = 16000;

export class Recorder {
  constructor({ onChunk, onLevel }) {
    this.onChunk = onChunk;
    this.onLevel = onLevel || (() => {});
    this.paused = false;
    this.ctx = null;
    this.stream = null;
    this.node = null;
  }

  async open() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      throw new Error("no microphone API (the page must be served over https or from localhost)");
    }
    // Raw microphone: the browser's echo cancellation, noise suppression and gain control are tuned
    // for calls and distort speech for the recognizer (Whisper copes with room noise by itself).
    this.stream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
      video: false,
    });
    let source;
    try {
      // Chromium and Safari resample the microphone to a 16 kHz context themselves.
      this.ctx = new AudioContext({ sampleRate: TARGET_RATE, latencyHint: "interactive" });
      source = this.ctx.createMediaStreamSource(this.stream);
    } catch {
      // Some browsers cannot connect a microphone to a context at another rate: the worklet resamples.
      if (this.ctx) this.ctx.close().catch(() => {});
      this.ctx = new AudioContext({ latencyHint: "interactive" });
      source = this.ctx.createMediaStreamSource(this.stream);
    }
    await this.ctx.audioWorklet.addModule(new URL("./pcm-worklet.js", import.meta.url));
    this.node = new AudioWorkletNode(this.ctx, "pcm-writer", {
      numberOfInputs: 1, numberOfOutputs: 1, channelCount: 1, channelCountMode: "explicit",
      processorOptions: { targetRate: TARGET_RATE, chunkMs: 100 },
    });
    this.node.port.onmessage = (e) => {
      const { pcm, rms, peak } = e.data;
      this.onLevel(rms, peak);
      if (!this.paused) this.onChunk(pcm);
    };
    source.connect(this.node);
    // The node outputs silence; connecting it keeps the graph pulled on every browser.
    this.node.connect(this.ctx.destination);
    if (this.ctx.state === "suspended") await this.ctx.resume();
    const track = this.stream.getAudioTracks()[0];
    if (track) track.addEventListener("ended", () => this.onEnded && this.onEnded());
    return TARGET_RATE;
  }

  pause() { this.paused = true; }

  resume() { this.paused = false; }

  close() {
    if (this.node) {
      this.node.port.postMessage("stop");
      this.node.port.onmessage = null;
      this.node.disconnect();
      this.node = null;
    }
    if (this.stream) this.stream.getTracks().forEach((tr) => tr.stop());
    this.stream = null;
    if (this.ctx) this.ctx.close().catch(() => {});
    this.ctx = null;
  }
}
