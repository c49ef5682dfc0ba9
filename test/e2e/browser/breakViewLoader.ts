/** Webpack loader (e2e build only): applies one of ./breaks.ts to the source it is given. */
import type { LoaderContext } from "webpack";
import type { ViewBreak } from "./breaks";

export default function breakViewLoader(this: LoaderContext<ViewBreak>, source: string): string {
  const { find, replace, file } = this.getOptions();
  if (!source.includes(find)) throw new Error(`E2E_BREAK_VIEW: “${find}” is no longer in ${file}`);
  return source.split(find).join(replace);
}
