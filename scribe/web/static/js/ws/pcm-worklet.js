// AudioWorkletProcessor: microphone float samples → 16-bit little-endian PCM chunks (mono), plus the
// chunk's peak/RMS level for the meter. Runs on the audio thread; posts one chunk every `chunkMs`.
// If the context could not run at the target rate, it averages down to it (linear decimation).

class PcmWriter extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const { targetRate = 16000, chunkMs = 100 } = options.processorOptions || {};
    this.ratio = sampleRate / targetRate; // sampleRate: the context's rate (global in the worklet scope)
    this.pos = 0; // fractional read position for resampling
    this.size = Math.round((targetRate * chunkMs) / 1000);
    this.buf = new Int16Array(this.size);
    this.n = 0;
    this.sumSq = 0;
    this.peak = 0;
    this.active = true;
    this.port.onmessage = (e) => { if (e.data === "stop") this.active = false; };
  }

  push(x) {
    const v = Math.max(-1, Math.min(1, x));
    this.buf[this.n++] = v < 0 ? v * 32768 : v * 32767;
    this.sumSq += v * v;
    const a = Math.abs(v);
    if (a > this.peak) this.peak = a;
    if (this.n === this.size) {
      const out = this.buf;
      this.port.postMessage({ pcm: out.buffer, rms: Math.sqrt(this.sumSq / this.n), peak: this.peak }, [out.buffer]);
      this.buf = new Int16Array(this.size);
      this.n = 0;
      this.sumSq = 0;
      this.peak = 0;
    }
  }

  process(inputs) {
    if (!this.active) return false;
    const input = inputs[0];
    if (!input || input.length === 0) return true;
    const frames = input[0].length;
    const mono = new Float32Array(frames);
    for (const channel of input) for (let i = 0; i < frames; i++) mono[i] += channel[i] / input.length;
    if (this.ratio === 1) {
      for (let i = 0; i < frames; i++) this.push(mono[i]);
    } else {
      while (this.pos < frames) {
        const i = Math.floor(this.pos);
        const frac = this.pos - i;
        const next = i + 1 < frames ? mono[i + 1] : mono[i];
        this.push(mono[i] * (1 - frac) + next * frac);
        this.pos += this.ratio;
      }
      this.pos -= frames;
    }
    return true;
  }
}

registerProcessor("pcm-writer", PcmWriter);
