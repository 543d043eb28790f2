// Property tests run from one fixed seed, so that a run of `npm test` on a commit is repeatable
// and a red CI run can be replayed exactly. FC_SEED=random explores fresh cases (do it after any
// change to the code under test); FC_SEED=<number> replays a reported failure.
import fc from 'fast-check';

const requested = process.env.FC_SEED;
if (requested !== 'random') {
  const seed = requested === undefined ? 20261129 : Number(requested);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not ${JSON.stringify(requested)}`);
  fc.configureGlobal({ seed });
}
