export * from "./modelo";
export * from "./direcciones";
export * from "./configuracion";
export * from "./calculos";
export * from "./valores";
export * from "./evaluacion";
export * from "./hallazgo";
export * from "./memoria";
