import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type * as Ort from 'onnxruntime-node';
import { inputWidth } from './mlp.js';
import { INPUT_NAME, OUTPUT_NAME, mlpFromOnnx } from './onnx-export.js';

/** The Connect Four verifier shipped with the project (6 x 7 board); see models/README.md. */
export const DEFAULT_VERIFIER_MODEL = fileURLToPath(new URL('./models/connect-four-verifier.onnx', import.meta.url));

interface Pending {
  readonly x: Float32Array;
  readonly n: number;
  readonly resolve: (out: Float32Array) => void;
  readonly reject: (err: unknown) => void;
}

/**
 * A verifier network on onnxruntime-node (CPU). `predict` queues a batch and runs every batch queued in the same
 * tick as one inference call, so concurrent games (and the candidates of one decision) share a session run.
 * `inferences` counts rows evaluated.
 */
export class VerifierModel {
  inferences = 0;
  runs = 0;
  private queue: Pending[] = [];

  private constructor(
    private readonly ort: typeof Ort,
    private readonly session: Ort.InferenceSession,
    readonly inputs: number,
    readonly metadata: Readonly<Record<string, string>>,
  ) {}

  static async load(source: string | Uint8Array = DEFAULT_VERIFIER_MODEL): Promise<VerifierModel> {
    const bytes = typeof source === 'string' ? new Uint8Array(await readFile(source)) : source;
    const { mlp, metadata } = mlpFromOnnx(bytes);
    // Loaded on first use: the native runtime is only needed by ONNX agents and verifiers.
    const ort = await import('onnxruntime-node');
    const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    return new VerifierModel(ort, session, inputWidth(mlp), metadata);
  }

  /** Runs `n` rows now, as one batch; returns n x 2 outputs (q, a). */
  async run(x: Float32Array, n: number): Promise<Float32Array> {
    if (x.length !== n * this.inputs) throw new RangeError(`verifier input has ${x.length} values, expected ${n} x ${this.inputs}`);
    const out = await this.session.run({ [INPUT_NAME]: new this.ort.Tensor('float32', x, [n, this.inputs]) });
    this.inferences += n;
    this.runs++;
    const data = out[OUTPUT_NAME]?.data;
    if (!(data instanceof Float32Array)) throw new Error('verifier model returned no float output');
    return data;
  }

  /** Queues `n` rows; rows queued in the same tick are evaluated in one batch. */
  predict(x: Float32Array, n: number): Promise<Float32Array> {
    return new Promise((resolve, reject) => {
      this.queue.push({ x, n, resolve, reject });
      if (this.queue.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const total = batch.reduce((s, p) => s + p.n, 0);
    const x = new Float32Array(total * this.inputs);
    let row = 0;
    for (const p of batch) {
      x.set(p.x, row * this.inputs);
      row += p.n;
    }
    try {
      const out = await this.run(x, total);
      row = 0;
      for (const p of batch) {
        p.resolve(out.slice(row * 2, (row + p.n) * 2));
        row += p.n;
      }
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
