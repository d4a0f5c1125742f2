/**
 * Las capas de src/ van en un solo sentido (domain ← rules, workbook ← casos ← hosts ← taskpane,
 * commands, cli, functions) y `npm run lint` lo hace cumplir: una importación en contra es un
 * error de ESLint que nombra lo permitido. Se prueba con ESLint de verdad y la configuración del
 * proyecto, sobre archivos de muestra escritos en una carpeta temporal con la forma de src/ (una
 * sola ejecución de ESLint para todos los casos).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const RAIZ = path.resolve(__dirname, "..", "..");
const ESLINT = path.join(RAIZ, "node_modules", "eslint", "bin", "eslint.js");

const PROHIBIDAS: [string, string][] = [
  ["src/domain/a.ts", 'import "../rules/registro";'],
  ["src/domain/b.ts", 'import "../workbook/lector";'],
  ["src/rules/metas/a.ts", 'import "../../casos/validar";'],
  ["src/workbook/a.ts", 'import "../rules/registro";'],
  ["src/casos/a.ts", 'import "../hosts/excel";'],
  ["src/hosts/excel/a.ts", 'import "../xlsx/lectorXlsx";'],
  ["src/hosts/xlsx/a.ts", 'import "../../taskpane/estado";'],
  ["src/taskpane/components/A.tsx", 'import "../../functions/functions";'],
  ["src/taskpane/a.ts", 'import "../commands/commands";'],
  ["src/taskpane/b.ts", 'import "../hosts/xlsx/lectorXlsx";'],
  ["src/taskpane/c.ts", 'import "../hosts/xlsx";'],
  ["src/functions/a.ts", 'import "../taskpane/estado";'],
  ["src/cli/a.ts", 'import "../hosts/excel";'],
];

const PERMITIDAS: [string, string][] = [
  ["src/rules/metas/ok.ts", 'import "../../domain/calculos";\nimport "../formato";'],
  ["src/casos/ok.ts", 'import "../rules/registro";\nimport "../workbook/lector";'],
  ["src/hosts/excel/ok.ts", 'import "../../casos/validar";\nimport "./contexto";'],
  ["src/taskpane/components/Ok.tsx", 'import "../../hosts/excel";\nimport "../logica";'],
  ["src/commands/ok.ts", 'import "../taskpane/estado";'],
  // El núcleo del lector de .xlsx sin Node: el panel lo carga para consolidar.
  ["src/taskpane/ok.ts", 'import "../hosts/xlsx/libroXlsx";'],
  ["src/cli/ok.ts", 'import "../hosts/xlsx/lectorXlsx";\nimport "../casos/validar";'],
  ["src/functions/ok.ts", 'import "../hosts/excel/configuracionFunciones";'],
];

let mensajes: Map<string, string[]>;

beforeAll(() => {
  const carpeta = fs.mkdtempSync(path.join(os.tmpdir(), "pmr-capas-"));
  try {
    for (const [archivo, codigo] of [...PROHIBIDAS, ...PERMITIDAS]) {
      fs.mkdirSync(path.dirname(path.join(carpeta, archivo)), { recursive: true });
      fs.writeFileSync(path.join(carpeta, archivo), codigo + "\n");
    }
    const r = spawnSync(
      process.execPath,
      [ESLINT, "--config", path.join(RAIZ, "eslint.config.mjs"), "--format", "json", "src"],
      { cwd: carpeta, encoding: "utf8" },
    );
    const resultados = JSON.parse(r.stdout) as {
      filePath: string;
      messages: { ruleId: string | null; message: string }[];
    }[];
    mensajes = new Map(
      resultados.map((x) => [
        path.relative(carpeta, x.filePath).split(path.sep).join("/"),
        x.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message),
      ]),
    );
  } finally {
    fs.rmSync(carpeta, { recursive: true, force: true });
  }
}, 120_000);

describe("capas de src/", () => {
  it.each(PROHIBIDAS)("%s no puede hacer %s", (archivo) => {
    const e = mensajes.get(archivo) ?? [];
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/solo puede importar de: .*Las capas van en un solo sentido/);
  });

  it.each(PERMITIDAS)("%s sí puede hacer lo de su capa: %s", (archivo) => {
    expect(mensajes.has(archivo)).toBe(true);
    expect(mensajes.get(archivo)).toEqual([]);
  });
});
