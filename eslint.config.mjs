// ESLint (configuración plana). `npm run lint` revisa src/, test/, bench/ y scripts/.
//
// - JavaScript y TypeScript: reglas recomendadas de @eslint/js y typescript-eslint (sin reglas
//   que necesiten información de tipos: el lint debe tardar segundos, no minutos).
// - Office.js: reglas de eslint-plugin-office-addins (cargar antes de leer, no sincronizar en
//   bucles, etc.), las mismas que trae su configuración recomendada.
// - React (solo .tsx): eslint-plugin-react y las dos reglas clásicas de react-hooks.
// - Formato: eslint-config-prettier apaga las reglas de estilo; el formato lo decide Prettier
//   (`npm run format` / `npm run format:check`).
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import prettier from "eslint-config-prettier";
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Capas de src/ (los datos van en un solo sentido). Cada carpeta puede importar solo las de su
// lista (además de sí misma); `npm run lint` falla con una importación en contra:
//   domain ← rules, workbook ← casos ← hosts ← taskpane, commands, cli, functions
// commands (la cinta) comparte el almacén del panel: puede importar taskpane, no al revés.
const CAPAS = {
  domain: [],
  rules: ["domain"],
  workbook: ["domain"],
  casos: ["domain", "rules", "workbook"],
  "hosts/excel": ["domain", "rules", "workbook", "casos"],
  "hosts/xlsx": ["domain", "rules", "workbook", "casos"],
  functions: ["domain", "rules", "workbook", "casos", "hosts/excel"],
  taskpane: ["domain", "rules", "workbook", "casos", "hosts/excel"],
  commands: ["domain", "rules", "workbook", "casos", "hosts/excel", "taskpane"],
  cli: ["domain", "rules", "workbook", "casos", "hosts/xlsx"],
};
const CARPETAS = Object.keys(CAPAS);
const capas = Object.entries(CAPAS).map(([carpeta, permitidas]) => {
  const prohibidas = CARPETAS.filter((c) => c !== carpeta && !permitidas.includes(c));
  // Desde hosts/excel, el otro anfitrión se nombra «../xlsx» (y al revés).
  if (carpeta.startsWith("hosts/"))
    prohibidas.push(...prohibidas.filter((c) => c.startsWith("hosts/")).map((c) => c.slice(6)));
  // Una importación relativa que pasa por una carpeta prohibida («../functions/x», «../../hosts/xlsx»).
  // El panel puede cargar el núcleo del lector de .xlsx sin Node (hosts/xlsx/libroXlsx), para consolidar.
  const excepcion = (c) => (carpeta === "taskpane" && c === "hosts/xlsx" ? "(?!\\/libroXlsx(?:\\.js)?$)" : "");
  const nombres = prohibidas.map((c) => c.replace("/", "\\/") + excepcion(c)).join("|");
  return {
    files: [`src/${carpeta}/**/*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `^\\.\\.?\\/(?:\\.\\.\\/)*(?:${nombres})(?:\\/|$)`,
              message: `src/${carpeta} solo puede importar de: ${permitidas.join(", ") || "(nada del proyecto)"}. Las capas van en un solo sentido (domain ← rules, workbook ← casos ← hosts ← taskpane, commands, cli, functions).`,
            },
          ],
        },
      ],
    },
  };
});

export default defineConfig(
  { ignores: ["dist/**", "lib/**", "coverage/**", "node_modules/**"] },

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      // Las funciones personalizadas reciben rangos como any[][]: se avisa, no se prohíbe.
      "@typescript-eslint/no-explicit-any": "warn",
      "no-eval": "error",
    },
  },

  // Código del navegador (panel, comandos, funciones, adaptador de Excel).
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },

  // Código de Node: CLI, adaptador xlsx, pruebas, benchmarks y scripts.
  {
    files: ["src/cli/**", "src/hosts/xlsx/**", "test/**", "bench/**", "scripts/**"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["test/**"],
    languageOptions: { globals: { ...globals.jest } },
  },

  // JavaScript en CommonJS (scripts, benchmarks, configuración).
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },

  // React.
  {
    files: ["**/*.tsx"],
    ...react.configs.flat.recommended,
    settings: { react: { version: "detect" } },
  },
  {
    files: ["**/*.tsx"],
    ...react.configs.flat["jsx-runtime"],
  },
  {
    files: ["**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },

  ...capas,

  prettier,
);
