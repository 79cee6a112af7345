import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import {
  GraphProtoSchema,
  ModelProtoSchema,
  NodeProtoSchema,
  OperatorSetIdProtoSchema,
  StringStringEntryProtoSchema,
  TensorProtoSchema,
  TensorProto_DataType,
  TensorShapeProtoSchema,
  TensorShapeProto_DimensionSchema,
  TypeProtoSchema,
  TypeProto_TensorSchema,
  ValueInfoProtoSchema,
  type TensorProto,
  type ValueInfoProto,
} from 'onnx-buf';
import type { DenseLayer, Mlp } from './mlp.js';

export const INPUT_NAME = 'step';
export const OUTPUT_NAME = 'qa';
const OPSET = 13n;
const IR_VERSION = 8n;

function tensor(name: string, dims: readonly number[], data: Float32Array): TensorProto {
  const raw = new Uint8Array(data.length * 4);
  const view = new DataView(raw.buffer);
  data.forEach((x, i) => view.setFloat32(i * 4, x, true));
  return create(TensorProtoSchema, { name, dims: dims.map((d) => BigInt(d)), dataType: TensorProto_DataType.FLOAT, rawData: raw });
}

function valueInfo(name: string, width: number): ValueInfoProto {
  const dim = [
    create(TensorShapeProto_DimensionSchema, { value: { case: 'dimParam', value: 'batch' } }),
    create(TensorShapeProto_DimensionSchema, { value: { case: 'dimValue', value: BigInt(width) } }),
  ];
  const tensorType = create(TypeProto_TensorSchema, { elemType: TensorProto_DataType.FLOAT, shape: create(TensorShapeProtoSchema, { dim }) });
  return create(ValueInfoProtoSchema, { name, type: create(TypeProtoSchema, { value: { case: 'tensorType', value: tensorType } }) });
}

/**
 * The network as an ONNX model (IR 8, opset 13): per layer a Gemm with its weight and bias initializers and a
 * Relu or Tanh node, then Mul and Add by the output scale and shift. Input `step` [batch, inputs] and output
 * `qa` [batch, 2] (q, a), with a symbolic batch dimension. `metadata` is stored as model metadata properties.
 */
export function mlpToOnnx(mlp: Mlp, metadata: Readonly<Record<string, string>> = {}): Uint8Array {
  const nodes = [];
  const initializer: TensorProto[] = [];
  let current = INPUT_NAME;
  mlp.layers.forEach((layer, i) => {
    initializer.push(tensor(`W${i}`, [layer.inputs, layer.outputs], layer.weights), tensor(`b${i}`, [layer.outputs], layer.bias));
    nodes.push(create(NodeProtoSchema, { opType: 'Gemm', name: `gemm${i}`, input: [current, `W${i}`, `b${i}`], output: [`z${i}`] }));
    const act = layer.activation === 'relu' ? 'Relu' : 'Tanh';
    nodes.push(create(NodeProtoSchema, { opType: act, name: `act${i}`, input: [`z${i}`], output: [`h${i}`] }));
    current = `h${i}`;
  });
  initializer.push(tensor('scale', [mlp.scale.length], mlp.scale), tensor('shift', [mlp.shift.length], mlp.shift));
  nodes.push(create(NodeProtoSchema, { opType: 'Mul', name: 'scale', input: [current, 'scale'], output: ['scaled'] }));
  nodes.push(create(NodeProtoSchema, { opType: 'Add', name: 'shift', input: ['scaled', 'shift'], output: [OUTPUT_NAME] }));
  const first = mlp.layers[0] as DenseLayer;
  const graph = create(GraphProtoSchema, {
    name: 'verifier',
    node: nodes,
    initializer,
    input: [valueInfo(INPUT_NAME, first.inputs)],
    output: [valueInfo(OUTPUT_NAME, mlp.scale.length)],
  });
  const model = create(ModelProtoSchema, {
    irVersion: IR_VERSION,
    opsetImport: [create(OperatorSetIdProtoSchema, { domain: '', version: OPSET })],
    producerName: 'game-arena',
    producerVersion: '1',
    graph,
    metadataProps: Object.entries(metadata).map(([key, value]) => create(StringStringEntryProtoSchema, { key, value })),
  });
  return toBinary(ModelProtoSchema, model);
}

function floats(t: TensorProto): Float32Array {
  if (t.floatData.length > 0) return Float32Array.from(t.floatData);
  const view = new DataView(t.rawData.buffer, t.rawData.byteOffset, t.rawData.byteLength);
  return Float32Array.from({ length: t.rawData.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

/** Reads back a model written by `mlpToOnnx`: its weights and metadata. Throws on any other graph. */
export function mlpFromOnnx(bytes: Uint8Array): { mlp: Mlp; metadata: Record<string, string> } {
  const model = fromBinary(ModelProtoSchema, bytes);
  const graph = model.graph;
  if (!graph) throw new Error('ONNX model has no graph');
  const init = new Map(graph.initializer.map((t) => [t.name, t]));
  const layers: DenseLayer[] = [];
  for (let i = 0; init.has(`W${i}`); i++) {
    const w = init.get(`W${i}`) as TensorProto;
    const b = init.get(`b${i}`);
    const act = graph.node.find((n) => n.name === `act${i}`);
    if (!b || !act) throw new Error(`ONNX model: layer ${i} is incomplete`);
    layers.push({ inputs: Number(w.dims[0]), outputs: Number(w.dims[1]), weights: floats(w), bias: floats(b), activation: act.opType === 'Relu' ? 'relu' : 'tanh' });
  }
  const scale = init.get('scale');
  const shift = init.get('shift');
  if (layers.length === 0 || !scale || !shift) throw new Error('ONNX model: not a verifier network');
  const metadata = Object.fromEntries(model.metadataProps.map((p) => [p.key, p.value]));
  return { mlp: { layers, scale: floats(scale), shift: floats(shift) }, metadata };
}
