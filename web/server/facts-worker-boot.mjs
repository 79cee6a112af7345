// Worker-thread entry: loads the TypeScript worker through tsx (worker threads do not inherit a parent's loader).
import { register } from 'tsx/esm/api';

register();
await import('./facts-worker.ts');
