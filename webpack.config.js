/*
 * Construcción del complemento (webpack 5), al estilo de las plantillas de Microsoft
 * (Office-Addin-TaskPane-React y Excel-Custom-Functions-Shared):
 *
 *   dist/taskpane.html   página única del tiempo de ejecución compartido: office.js (CDN) y
 *                        después los paquetes taskpane, commands y functions
 *   dist/functions.json  metadatos de las funciones =PMR.*, generados de las etiquetas JSDoc
 *                        @customfunction de src/functions/functions.ts
 *   dist/assets/         iconos
 *   dist/manifest.xml    en producción, con https://localhost:3000/ reemplazado por
 *                        PMR_URL_PRODUCCION (predeterminada: https://pmr.example.gov.co/)
 *   dist/ayuda.html      página de ayuda (SupportUrl y LearnMoreUrl del manifiesto), con ayuda.css
 */
"use strict";

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const URL_DESARROLLO = "https://localhost:3000/";
const URL_PRODUCCION_PREDETERMINADA = "https://pmr.example.gov.co/";
const PUERTO_DESARROLLO = Number(process.env.npm_package_config_dev_server_port || 3000);
const DIST = path.resolve(__dirname, "dist");

/** URL pública del complemento en producción: https y terminada en «/». */
function urlProduccion() {
  const valor = (process.env.PMR_URL_PRODUCCION || URL_PRODUCCION_PREDETERMINADA).trim();
  let url;
  try {
    url = new URL(valor);
  } catch {
    throw new Error(`PMR_URL_PRODUCCION no es una URL válida: «${valor}»`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`PMR_URL_PRODUCCION debe usar https (Office solo carga complementos por https): «${valor}»`);
  }
  if (url.search || url.hash) {
    throw new Error(`PMR_URL_PRODUCCION no puede llevar ? ni #: «${valor}»`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * Certificados de desarrollo de office-addin-dev-certs (solo para `webpack serve`).
 * getHttpsServerOptions los genera e instala la CA como confiable; si la instalación falla (p. ej.
 * Linux sin sudo) pero los certificados ya se generaron, se usan igual y se avisa: el servidor
 * arranca, y el navegador confiará en él cuando se instale la CA
 * (`npx office-addin-dev-certs install`).
 */
async function opcionesHttps() {
  const fs = require("fs");
  const devCerts = require("office-addin-dev-certs");
  try {
    const opciones = await devCerts.getHttpsServerOptions();
    return { ca: opciones.ca, key: opciones.key, cert: opciones.cert };
  } catch (error) {
    const defaults = require("office-addin-dev-certs/lib/defaults");
    const archivos = [defaults.caCertificatePath, defaults.localhostKeyPath, defaults.localhostCertificatePath];
    if (!archivos.every((archivo) => fs.existsSync(archivo))) throw error;
    console.warn(
      `Aviso: no se pudo instalar la CA de desarrollo (${error.message.split("\n")[0]}). ` +
        "Se usan los certificados generados; instálela con «npx office-addin-dev-certs install».",
    );
    const [ca, key, cert] = archivos.map((archivo) => fs.readFileSync(archivo));
    return { ca, key, cert };
  }
}

/**
 * Añade a functions.json `allowErrorForDataTypeAny: true`, que el generador de metadatos no
 * escribe: sin él, Excel no pasa una celda con error (p. ej. el #N/A «Sin programación» de
 * =PMR.AVANCE) a un parámetro any[][], y una sola fila con error volvería error toda la llamada
 * de =PMR.ESTADO, =PMR.SEMAFORO o =PMR.CUMPLIMIENTO sobre la columna.
 */
class PermitirErroresEnFunciones {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("PermitirErroresEnFunciones", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "PermitirErroresEnFunciones", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const activo = compilation.getAsset("functions.json");
          if (!activo) return;
          const metadatos = JSON.parse(activo.source.source().toString());
          const ajustado = { allowErrorForDataTypeAny: true, ...metadatos };
          compilation.updateAsset("functions.json", new sources.RawSource(JSON.stringify(ajustado, null, 2)));
        },
      );
    });
  }
}

module.exports = async (env, options) => {
  const desarrollo = options.mode === "development";
  const urlDestino = desarrollo ? URL_DESARROLLO : urlProduccion();

  return {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: DIST,
      filename: desarrollo ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      // Permite importar «./x.js» desde TypeScript (resuelve a x.ts).
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // La comprobación de tipos es `npm run typecheck`; aquí solo se transpila.
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // Módulos ES para que webpack elimine el código no usado de Fluent UI.
              compilerOptions: { module: "es2020", sourceMap: true },
            },
          },
        },
        {
          // Solo reexporta: así el escritor de hojas (que reexporta) no entra al paquete principal
          // del panel por el import() de la consolidación; se queda en su paquete aparte.
          test: /[\\/]src[\\/]hosts[\\/]excel[\\/]index\.ts$/,
          sideEffects: false,
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new PermitirErroresEnFunciones(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "commands", "functions"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/ayuda.html", to: "ayuda.html" },
          { from: "src/taskpane/ayuda.css", to: "ayuda.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(contenido) {
              const texto = contenido.toString();
              return desarrollo ? texto : texto.split(URL_DESARROLLO).join(urlDestino);
            },
          },
        ],
      }),
    ],
    optimization: {
      // Las tres entradas corren en la misma página (tiempo de ejecución compartido): un solo
      // runtime de webpack y un paquete «comun» con lo que comparten (zod, el dominio), cargado
      // una vez, en vez de tres copias.
      runtimeChunk: "single",
      splitChunks: {
        cacheGroups: {
          comun: { name: "comun", chunks: "initial", minChunks: 2, enforce: true },
        },
      },
    },
    performance: {
      // React + Fluent UI pesan; el panel se carga una vez y Office lo guarda en caché.
      maxAssetSize: 2 * 1024 * 1024,
      maxEntrypointSize: 2 * 1024 * 1024,
    },
    devServer: {
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        options: env.WEBPACK_SERVE ? await opcionesHttps() : undefined,
      },
      port: PUERTO_DESARROLLO,
    },
  };
};

module.exports.URL_DESARROLLO = URL_DESARROLLO;
module.exports.URL_PRODUCCION_PREDETERMINADA = URL_PRODUCCION_PREDETERMINADA;
