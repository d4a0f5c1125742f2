/**
 * El nombre de quien usa el complemento, como lo da Office. Office.js no da el nombre del usuario
 * en Excel (`Office.context.userProfile` existe solo en Outlook); se usa si algún día está, y si
 * no, null: la decisión queda «sin nombre» (PMR-SPEC §6.3). No se pide un inicio de sesión (SSO)
 * solo para esto.
 */
export function nombreDeOffice(): string | null {
  try {
    const perfil = (globalThis as { Office?: { context?: { userProfile?: { displayName?: unknown } } } }).Office
      ?.context?.userProfile;
    const nombre = perfil?.displayName;
    return typeof nombre === "string" && nombre.trim() !== "" ? nombre.trim() : null;
  } catch {
    return null;
  }
}
