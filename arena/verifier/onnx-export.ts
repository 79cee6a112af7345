import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import {
  AttributeProtoSchema,
  AttributeProto_AttributeType,
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
import { inputWidth, type ConvLayer, type ConvStack, type DenseLayer, type Mlp } from './mlp.js';

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

function int64s(name: string, values: readonly number[]): TensorProto {
  return create(TensorProtoSchema, { name, dims: [BigInt(values.length)], dataType: TensorProto_DataType.INT64, int64Data: values.map((v) => BigInt(v)) });
}

function intsAttribute(name: string, values: readonly number[]) {
  return create(AttributeProtoSchema, { name, type: AttributeProto_AttributeType.INTS, ints: values.map((v) => BigInt(v)) });
}

function intAttribute(name: string, value: number) {
  return create(AttributeProtoSchema, { name, type: AttributeProto_AttributeType.INT, i: BigInt(value) });
}

type Node = ReturnType<typeof create<typeof NodeProtoSchema>>;

/**
 * The conv front as ONNX nodes: Slice the planes off the step, Reshape them to [batch, C, H, W], a Conv (valid, stride
 * 1) and Relu per layer, Transpose to [batch, H, W, C] and Flatten (the (row, column, filter) order of the dense
 * weights), then Concat the step's flat features. Returns the name of its output.
 */
function convNodes(conv: ConvStack, nodes: Node[], initializer: TensorProto[]): string {
  const planes = conv.channels * conv.rows * conv.cols;
  initializer.push(int64s('planes_start', [0]), int64s('planes_end', [planes]), int64s('axis1', [1]), int64s('planes_shape', [-1, conv.channels, conv.rows, conv.cols]));
  nodes.push(create(NodeProtoSchema, { opType: 'Slice', name: 'planes_slice', input: [INPUT_NAME, 'planes_start', 'planes_end', 'axis1'], output: ['planes_flat'] }));
  nodes.push(create(NodeProtoSchema, { opType: 'Reshape', name: 'planes', input: ['planes_flat', 'planes_shape'], output: ['c_in'] }));
  let current = 'c_in';
  conv.layers.forEach((layer, i) => {
    initializer.push(tensor(`Wc${i}`, [layer.filters, layer.inChannels, layer.kernel, layer.kernel], layer.weights), tensor(`bc${i}`, [layer.filters], layer.bias));
    nodes.push(create(NodeProtoSchema, { opType: 'Conv', name: `conv${i}`, input: [current, `Wc${i}`, `bc${i}`], output: [`cz${i}`], attribute: [intsAttribute('kernel_shape', [layer.kernel, layer.kernel])] }));
    nodes.push(create(NodeProtoSchema, { opType: 'Relu', name: `cact${i}`, input: [`cz${i}`], output: [`ch${i}`] }));
    current = `ch${i}`;
  });
  nodes.push(create(NodeProtoSchema, { opType: 'Transpose', name: 'to_nhwc', input: [current], output: ['c_nhwc'], attribute: [intsAttribute('perm', [0, 2, 3, 1])] }));
  nodes.push(create(NodeProtoSchema, { opType: 'Flatten', name: 'flatten', input: ['c_nhwc'], output: ['c_flat'], attribute: [intAttribute('axis', 1)] }));
  if (conv.inputs === planes) return 'c_flat';
  initializer.push(int64s('extra_end', [conv.inputs]));
  nodes.push(create(NodeProtoSchema, { opType: 'Slice', name: 'extra_slice', input: [INPUT_NAME, 'planes_end', 'extra_end', 'axis1'], output: ['extra'] }));
  nodes.push(create(NodeProtoSchema, { opType: 'Concat', name: 'concat', input: ['c_flat', 'extra'], output: ['features'], attribute: [intAttribute('axis', 1)] }));
  return 'features';
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
 * The network as an ONNX model (IR 8, opset 13): the conv front if any (see `convNodes`), then per dense layer a Gemm with its weight and bias initializers and a
 * Relu or Tanh node, then Mul and Add by the output scale and shift. Input `step` [batch, inputs] and output
 * `qa` [batch, 2] (q, a), with a symbolic batch dimension. `metadata` is stored as model metadata properties.
 */
export function mlpToOnnx(mlp: Mlp, metadata: Readonly<Record<string, string>> = {}): Uint8Array {
  const nodes: Node[] = [];
  const initializer: TensorProto[] = [];
  let current = mlp.conv ? convNodes(mlp.conv, nodes, initializer) : INPUT_NAME;
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
  const graph = create(GraphProtoSchema, {
    name: 'verifier',
    node: nodes,
    initializer,
    input: [valueInfo(INPUT_NAME, inputWidth(mlp))],
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

function ints(t: TensorProto): number[] {
  return t.int64Data.map((v) => Number(v));
}

/** The conv front of a model written by `mlpToOnnx`, if it has one. */
function convFromGraph(init: Map<string, TensorProto>, inputs: number): ConvStack | undefined {
  const shape = init.get('planes_shape');
  if (!shape) return undefined;
  const [, channels, rows, cols] = ints(shape) as [number, number, number, number];
  const layers: ConvLayer[] = [];
  for (let i = 0; init.has(`Wc${i}`); i++) {
    const w = init.get(`Wc${i}`) as TensorProto;
    const b = init.get(`bc${i}`);
    if (!b) throw new Error(`ONNX model: conv layer ${i} is incomplete`);
    layers.push({ filters: Number(w.dims[0]), inChannels: Number(w.dims[1]), kernel: Number(w.dims[2]), weights: floats(w), bias: floats(b) });
  }
  return { inputs, channels, rows, cols, layers };
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
  const dim = graph.input[0]?.type?.value.case === 'tensorType' ? graph.input[0].type.value.value.shape?.dim[1]?.value : undefined;
  const conv = convFromGraph(init, dim?.case === 'dimValue' ? Number(dim.value) : 0);
  return { mlp: { ...(conv ? { conv } : {}), layers, scale: floats(scale), shift: floats(shift) }, metadata };
}
