#!/usr/bin/env node
// `npx booth ...`: the support and scripting command line. It runs the TypeScript sources through tsx,
// so the CLI always runs exactly the code the app runs.
import { register } from 'tsx/esm/api';

register();
await import('./booth.ts');
