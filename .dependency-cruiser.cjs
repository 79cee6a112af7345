/* global module */
/**
 * The layer rule of the README's architecture section, enforced by `npm run lint:layers`.
 * Bottom to top: games/core < games/<game> (< the catalogue games/index.ts) < arena ground < arena run < metrics < web
 * < arena/cli.
 * A file may import its own layer (without cycles) and the layers below it. Type-only imports count too.
 */
const GROUND = '^arena/(?:trace/|spec/|errors\\.ts$)';
const RUN = '^arena/(?!trace/|spec/|errors\\.ts$|cli/)';
const CLI = '^arena/cli/';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle makes two files one unit that cannot be read, tested or moved apart; type-only cycles included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'games-core-is-the-floor',
      comment:
        'L0 games/core holds the contracts every game implements and every runner consumes (MoveGame, PlanGame, ' +
        'capabilities, seeded rng, adjudication, prompt facts); it knows no game and nothing above it.',
      severity: 'error',
      from: { path: '^games/core/' },
      to: { path: '^(?:games/(?!core/)|arena/|metrics/|web/)' },
    },
    {
      name: 'a-game-is-self-contained',
      comment:
        'L1 games/<game>: one folder per game, importing games/core and itself only, so a game can be added or ' +
        'removed by its folder and shared code asks for a capability, never for another game.',
      severity: 'error',
      from: { path: '^games/([^/]+)/', pathNot: '^games/core/' },
      to: { path: '^(?:games/|arena/|metrics/|web/)', pathNot: ['^games/core/', '^games/$1/'] },
    },
    {
      name: 'the-catalogue-lists-games-only',
      comment:
        'games/index.ts lists every game folder\'s descriptor (between L1 and L2): it imports games and nothing above, ' +
        'and no game imports it, so the arena lists descriptors without naming a game.',
      severity: 'error',
      from: { path: '^games/index[.]ts$' },
      to: { path: '^(?:arena|metrics|web|test)/' },
    },
    {
      name: 'arena-ground-knows-only-games-core',
      comment:
        'L2 arena ground (trace format and usage vocabulary, agent-spec and game-id grammars, UsageError): ' +
        'whoever writes or reads a trace depends on it, so it depends on nothing that writes traces.',
      severity: 'error',
      from: { path: GROUND },
      to: { path: `^(?:games/(?!core/)|arena/|metrics/|web/)`, pathNot: GROUND },
    },
    {
      name: 'arena-run-stays-below-analysis',
      comment:
        'L3 arena run (search, agents, llm, match, registry, store, tournament, progress estimation, verifier ' +
        'training and runtime, experiment runner) produces traces; the analysis of traces sits above it.',
      severity: 'error',
      from: { path: RUN },
      to: { path: `^(?:metrics/|web/|${CLI.slice(1)})` },
    },
    {
      name: 'metrics-are-pure-functions-of-traces',
      comment:
        'L4 metrics/ reads traces: from arena only its ground, from games only games/core. Running code (rollouts, ' +
        'provers, training, ML runtimes) belongs to arena run, so a metric can never re-enter a match.',
      severity: 'error',
      from: { path: '^metrics/' },
      to: { path: `^(?:games/(?!core/)|web/|${RUN.slice(1)}|${CLI.slice(1)})` },
    },
    {
      name: 'metrics-load-no-ml-runtime',
      comment: 'L4 metrics/ stays pure: no tfjs, no onnxruntime; models are trained and run in arena run.',
      severity: 'error',
      from: { path: '^metrics/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], path: '(?:^|/)node_modules/(?:@tensorflow/|onnxruntime)' },
    },
    {
      name: 'only-tests-use-test-support',
      comment: 'test/ holds cross-folder tests and the benchmark harness; only tests and benchmarks may use them.',
      severity: 'error',
      from: { pathNot: '^test/|[.](?:test|bench)[.]ts$' },
      to: { path: '^test/' },
    },
    {
      name: 'web-sits-below-the-cli',
      comment: 'L5 web/ reads the store, traces and metrics; the CLI composes it (serve, export), never the reverse.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: CLI },
    },
    {
      name: 'web-app-takes-only-types-from-outside-web',
      comment:
        'web/app runs in the browser: code from outside web/ would drag node modules into the bundle, so only ' +
        'types cross that border (its unit tests run in node and may build fixtures with metrics/testing).',
      severity: 'error',
      from: { path: '^web/app/', pathNot: '[.]test[.]ts$' },
      to: { path: '^(?:games|arena|metrics)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'nothing-imports-the-cli',
      comment: 'L6 arena/cli is the composition root: it may import anything, and only the cli and test/ import it.',
      severity: 'error',
      from: { pathNot: `^(?:${CLI.slice(1)}|test/)` },
      to: { path: CLI },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(?:dist|web/dist|out|test-artifacts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
