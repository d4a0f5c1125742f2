/** Libro de ejemplo: datos (datos.js) y escritura con ExcelJS (libro.js). */
"use strict";

module.exports = { ...require("./datos"), ...require("./libro") };
