#!/usr/bin/env node
/*
 * Genera los iconos PNG del complemento (assets/icon-<n>.png) sin dependencias:
 * solo Node y zlib. Dibuja un cuadrado verde de esquinas redondeadas con tres barras
 * blancas crecientes (el avance de las metas) y un trazo de verificación.
 *
 * Uso: node scripts/generar-iconos.js [carpeta-destino]
 * Los PNG resultantes se versionan en assets/; este script es la fuente de verdad.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

/** Tamaños que declara manifest.xml (botones 16/32/80, IconUrl 32, HighResolutionIconUrl 64) y 128 para catálogos. */
const TAMANOS = [16, 32, 64, 80, 128];

const VERDE = [0x1e, 0x7b, 0x4a];
const BLANCO = [0xff, 0xff, 0xff];
/** Submuestras por eje para suavizar los bordes (antialiasing). */
const SUBMUESTRAS = 4;

// ---------------------------------------------------------------------------
// Geometría en coordenadas unitarias (0..1), independiente del tamaño.

function dentroDeRectanguloRedondeado(x, y, x0, y0, x1, y1, radio) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + radio), x1 - radio);
  const cy = Math.min(Math.max(y, y0 + radio), y1 - radio);
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= radio * radio;
}

function distanciaASegmento(px, py, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  const dx = px - (ax + t * vx);
  const dy = py - (ay + t * vy);
  return Math.sqrt(dx * dx + dy * dy);
}

/** Barras [x0, x1, yTope]; todas apoyadas en y = 0.80. */
const BARRAS = [
  [0.2, 0.34, 0.6],
  [0.43, 0.57, 0.46],
  [0.66, 0.8, 0.32],
];
const BASE_BARRAS = 0.8;
/** Trazo de verificación sobre las barras bajas. */
const VERIFICACION = [
  [0.17, 0.33],
  [0.27, 0.43],
  [0.5, 0.19],
];
const GROSOR_VERIFICACION = 0.085;

/** Devuelve el color de un punto o null si es transparente. */
function colorEn(x, y) {
  if (!dentroDeRectanguloRedondeado(x, y, 0.03, 0.03, 0.97, 0.97, 0.2)) return null;
  for (const [x0, x1, tope] of BARRAS) {
    if (x >= x0 && x <= x1 && y >= tope && y <= BASE_BARRAS) return BLANCO;
  }
  for (let i = 0; i + 1 < VERIFICACION.length; i++) {
    const [ax, ay] = VERIFICACION[i];
    const [bx, by] = VERIFICACION[i + 1];
    if (distanciaASegmento(x, y, ax, ay, bx, by) <= GROSOR_VERIFICACION / 2) return BLANCO;
  }
  return VERDE;
}

/** Rasteriza el icono a RGBA (Uint8Array de tamano*tamano*4). */
function rasterizar(tamano) {
  const pixeles = new Uint8Array(tamano * tamano * 4);
  const total = SUBMUESTRAS * SUBMUESTRAS;
  for (let fila = 0; fila < tamano; fila++) {
    for (let col = 0; col < tamano; col++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let cubiertas = 0;
      for (let sy = 0; sy < SUBMUESTRAS; sy++) {
        for (let sx = 0; sx < SUBMUESTRAS; sx++) {
          const x = (col + (sx + 0.5) / SUBMUESTRAS) / tamano;
          const y = (fila + (sy + 0.5) / SUBMUESTRAS) / tamano;
          const color = colorEn(x, y);
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            cubiertas++;
          }
        }
      }
      const i = (fila * tamano + col) * 4;
      if (cubiertas > 0) {
        pixeles[i] = Math.round(r / cubiertas);
        pixeles[i + 1] = Math.round(g / cubiertas);
        pixeles[i + 2] = Math.round(b / cubiertas);
        pixeles[i + 3] = Math.round((255 * cubiertas) / total);
      }
    }
  }
  return pixeles;
}

// ---------------------------------------------------------------------------
// Codificación PNG (RGBA de 8 bits, sin entrelazado).

const TABLA_CRC = (() => {
  const tabla = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tabla[n] = c >>> 0;
  }
  return tabla;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = TABLA_CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function bloque(tipo, datos) {
  const longitud = Buffer.alloc(4);
  longitud.writeUInt32BE(datos.length);
  const tipoYDatos = Buffer.concat([Buffer.from(tipo, "ascii"), datos]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(tipoYDatos));
  return Buffer.concat([longitud, tipoYDatos, crc]);
}

function codificarPng(ancho, alto, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(ancho, 0);
  ihdr.writeUInt32BE(alto, 4);
  ihdr[8] = 8; // bits por canal
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0; // compresión deflate
  ihdr[11] = 0; // filtro estándar
  ihdr[12] = 0; // sin entrelazado
  const filas = Buffer.alloc(alto * (ancho * 4 + 1));
  for (let y = 0; y < alto; y++) {
    const inicio = y * (ancho * 4 + 1);
    filas[inicio] = 0; // filtro "None"
    Buffer.from(rgba.buffer, y * ancho * 4, ancho * 4).copy(filas, inicio + 1);
  }
  const firma = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    firma,
    bloque("IHDR", ihdr),
    bloque("IDAT", zlib.deflateSync(filas, { level: 9 })),
    bloque("IEND", Buffer.alloc(0)),
  ]);
}

function generar(destino) {
  fs.mkdirSync(destino, { recursive: true });
  const escritos = [];
  for (const tamano of TAMANOS) {
    const archivo = path.join(destino, `icon-${tamano}.png`);
    fs.writeFileSync(archivo, codificarPng(tamano, tamano, rasterizar(tamano)));
    escritos.push(archivo);
  }
  return escritos;
}

if (require.main === module) {
  const destino = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  for (const archivo of generar(destino)) console.log(`Icono escrito: ${path.relative(process.cwd(), archivo)}`);
}

module.exports = { generar, codificarPng, rasterizar, TAMANOS };
