import type { EngineSession } from '../../../games/core/engine.js';
import type { MoveGame } from '../../../games/core/move-game.js';
import { UsageError } from '../../errors.js';
import { EngineProver, parseEngineProver } from '../../progress/engine.js';
import type { MoveVerifier } from './verifier.js';

/**
 * The game's engine as verifier (`verifier=engine` or `verifier=(engine:depth=N)`): each candidate's Q is the
 * engine's win probability for the mover after it (its result when it ends the game), and its A = Q − V with V the
 * engine's value of the position, as the engine prover of `arena progress` computes them. One engine process per
 * agent, started at the first decision, ended by `close`. Simulations are the nodes searched.
 */
export function engineVerifier(text: string): MoveVerifier {
  const spec = parseEngineProver(text);
  if (!spec) throw new UsageError(`unknown engine verifier '${text}'`);
  let session: Promise<EngineSession<unknown, unknown>> | null = null;
  let prover: EngineProver | null = null;
  let engineGame: MoveGame | null = null;
  return {
    name: spec.name,
    kind: 'engine',
    async score(game, state, actions) {
      if (!game.engine) throw new UsageError(`verifier ${spec.name}: ${game.id} has no engine (the engine capability)`);
      if (engineGame !== null && engineGame.engine !== game.engine) throw new UsageError(`verifier ${spec.name}: one agent verifies one game's engine`);
      engineGame = game;
      session ??= game.engine.open();
      prover ??= new EngineProver(await session, spec);
      const steps = [];
      for (const a of actions) steps.push(await prover.step(game, state, a));
      return { q: steps.map((s) => s.q), a: steps.map((s) => s.advantage), simulations: steps.reduce((n, s) => n + (s.engine?.nodes ?? 0), 0) };
    },
    async close() {
      const open = session;
      session = null;
      prover = null;
      if (open) await open.then((s) => s.close()).catch(() => undefined);
    },
  };
}
