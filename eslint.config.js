// Lint rules, above all the dependency direction between layers (see README, "Architecture"):
//   app/ <- native-bridges/ <- main/services, main/host <- main/electron (the only importer of 'electron')
//   app/ <- renderer/
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import nodeFileSuffix from './eslint/rules/nodeFileSuffix.js';

const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net'], message: 'app/ and renderer/ are environment-free of Node: inject what you need through a port.' };
const electron = { group: ['electron'], message: "Only main/electron may import 'electron'." };
const layer = (name, why) => ({ group: [`**/${name}/**`, `**/${name}`], message: why });

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'assets/generated/**', 'test-results/**', 'playwright-report/**', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['app/**/*.ts'],
    ignores: ['app/**/*.test.ts', 'app/**/*.bench.ts'],
    rules: restrict(
      nodeBuiltins,
      electron,
      { group: ['react', 'react-dom', 'dexie', 'zustand', '@mediapipe/*', 'onnxruntime-*', 'ws', 'sirv'], message: 'app/ is the environment-free core.' },
      layer('renderer', 'app/ must not depend on renderer/.'),
      layer('main', 'app/ must not depend on main/.'),
      layer('native-bridges', 'app/ must not depend on native-bridges/.'),
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Tests may start a real host or read fixtures; the product code may not.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      ...restrict(
        nodeBuiltins,
        electron,
        layer('main', 'renderer/ talks to main only through the HostClient.'),
        layer('native-bridges', 'renderer/ talks to devices only through the HostClient.'),
      ),
    },
  },
  {
    files: ['native-bridges/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict(electron, layer('main', 'native-bridges/ must not depend on main/.'), layer('renderer', 'native-bridges/ must not depend on renderer/.')),
  },
  {
    // Everywhere, a *.node module is imported with its .ts extension (Node would look for a native addon).
    files: ['**/*.{ts,tsx}'],
    plugins: { booth: { rules: { 'node-file-suffix': nodeFileSuffix } } },
    rules: { 'booth/node-file-suffix': ['error', { suffix: false }] },
  },
  {
    // Outside main/ (all Node by its place) and the tests, a file that needs Node is named *.node.ts.
    files: ['native-bridges/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.bench.ts', '**/*.d.ts', '**/testSupport/**'],
    rules: { 'booth/node-file-suffix': ['error', { suffix: true }] },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict(electron, layer('renderer', 'main/ must not depend on renderer/.')),
  },
  {
    files: ['main/electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict(layer('renderer', 'main/ must not depend on renderer/.')),
  },
  {
    files: ['e2e/**/*.ts', '**/*.test.ts', '**/*.bench.ts', '*.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
