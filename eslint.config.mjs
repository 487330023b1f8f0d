import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    { ignores: ['node_modules/', 'dist/', 'web/dist/', 'test-artifacts/', '.package-stage/', '.data*/', 'coverage/'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    prettier,
    {
        languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', URL: 'readonly', fetch: 'readonly' } },
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        },
    },
    {
        // the web page (web/src): browser code, type-checked by web/tsconfig.json
        files: ['web/src/**/*.{ts,tsx}'],
        languageOptions: {
            parserOptions: { ecmaFeatures: { jsx: true } },
            globals: { window: 'readonly', document: 'readonly', navigator: 'readonly', fetch: 'readonly', WebSocket: 'readonly', HTMLElement: 'readonly', HTMLInputElement: 'readonly', HTMLTextAreaElement: 'readonly', HTMLDivElement: 'readonly', MouseEvent: 'readonly', Node: 'readonly' },
        },
    },
    {
        files: ['**/*.js'],
        rules: { '@typescript-eslint/no-require-imports': 'off' },
    },
);
